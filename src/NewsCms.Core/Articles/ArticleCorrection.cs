using System.ComponentModel;

namespace NewsCms.Core.Articles;

// The descriptions travel into the public schema, where frontends read how to label each note.
public enum CorrectionKind
{
    [Description("The story got a fact wrong; the note says what was wrong and what is right.")]
    Correction,

    [Description("The story was right but could be misread; the note makes it plain.")]
    Clarification,

    [Description("Something happened after publication; the note says what.")]
    Update,
}

/// <summary>A public note appended to a published story. Corrections are only added, never edited or removed.</summary>
public sealed class ArticleCorrection
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public CorrectionKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? ActorUserId { get; set; }
}
