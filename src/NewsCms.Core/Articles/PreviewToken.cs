namespace NewsCms.Core.Articles;

/// <summary>
/// The server's record of a preview link: the link itself is signed, this row lets it be revoked before it expires.
/// </summary>
public sealed class PreviewToken
{
    public Guid Id { get; set; }
    public int ArticleId { get; set; }
    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
