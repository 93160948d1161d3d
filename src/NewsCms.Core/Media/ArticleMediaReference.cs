namespace NewsCms.Core.Media;

/// <summary>
/// An asset an article's Markdown shows inline (<c>![alt](media:ID)</c>), kept on every save so that deleting an asset
/// can say which stories still use it without parsing every body.
/// </summary>
public sealed class ArticleMediaReference
{
    public int ArticleId { get; set; }
    public int MediaAssetId { get; set; }
}
