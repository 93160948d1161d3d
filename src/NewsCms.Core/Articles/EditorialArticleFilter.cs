namespace NewsCms.Core.Articles;

/// <summary>
/// Which stories the newsroom's list shows. Every condition narrows; none means every story. <see cref="Search"/>
/// matches the title, summary or slug in any case; <see cref="ChangedFrom"/>/<see cref="ChangedTo"/> bound the last
/// save (the list's order), <see cref="PublishedFrom"/> the publication time; <see cref="EmbargoedOnly"/> and
/// <see cref="BreakingOnly"/> are read against the clock, like the public rule.
/// </summary>
public sealed record EditorialArticleFilter(
    ArticleStatus? Status = null,
    string? Search = null,
    int? SectionId = null,
    int? AuthorId = null,
    DateTime? ChangedFrom = null,
    DateTime? ChangedTo = null,
    DateTime? PublishedFrom = null,
    int? CreatedByUserId = null,
    bool EmbargoedOnly = false,
    bool BreakingOnly = false)
{
    public const int SearchMaxLength = 200;

    public static EditorialArticleFilter None { get; } = new();
}
