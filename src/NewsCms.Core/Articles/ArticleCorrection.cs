namespace NewsCms.Core.Articles;

public enum CorrectionKind
{
    Correction,
    Clarification,
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
