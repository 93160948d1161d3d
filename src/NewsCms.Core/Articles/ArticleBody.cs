using NewsCms.Core.Content;

namespace NewsCms.Core.Articles;

/// <summary>The Markdown source of an article and the forms rendered from it at save time.</summary>
public sealed class ArticleBody
{
    public int ArticleId { get; set; }
    public required string Markdown { get; set; }
    public string Html { get; set; } = "";
    public string PlainText { get; set; } = "";
    public IReadOnlyList<OutlineEntry> Outline { get; set; } = [];
}
