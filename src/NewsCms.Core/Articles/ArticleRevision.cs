namespace NewsCms.Core.Articles;

/// <summary>
/// The article as it was after one save: who saved it, when, through which operation. Revisions are numbered per
/// article from 1 and never change; restoring an old one adds a new revision with its content.
/// </summary>
public sealed class ArticleRevision
{
    public const int OperationMaxLength = 100;

    public long Id { get; set; }
    public int ArticleId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? ActorUserId { get; set; }
    public required string Actor { get; set; }
    public required string Operation { get; set; }

    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string Markdown { get; set; } = "";

    /// <summary>JSON of every other editable field (section, bylines, tags, sponsor, SEO, flags), for restore and diff.</summary>
    public string Metadata { get; set; } = "{}";
}
