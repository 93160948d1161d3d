namespace NewsCms.Core.Articles;

/// <summary>A slug a published article used to have: links to it keep working as a permanent redirect.</summary>
public sealed class ArticleSlugRedirect
{
    public required string Slug { get; set; }
    public int ArticleId { get; set; }
    public DateTime RetiredAt { get; set; }
}
