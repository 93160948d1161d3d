using System.ComponentModel;

namespace NewsCms.Core.Articles;

// The descriptions travel into the staff schema, where editorial tools read what each state means.
public enum ArticleStatus
{
    [Description("Being written; only staff see it.")]
    Draft,

    [Description("Submitted to the editors; its writer may still change it.")]
    InReview,

    [Description("Goes live by itself at its publication time (or when its embargo lifts).")]
    Scheduled,

    [Description("Live for readers once its publication time has come and no embargo holds it.")]
    Published,

    [Description("Taken down; its address stays reserved for it and it can be published again.")]
    Unpublished,

    [Description("Retired from the site and kept for the record.")]
    Archived,
}
