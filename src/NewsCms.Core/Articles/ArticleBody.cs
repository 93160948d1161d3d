using NewsCms.Core.Content;

namespace NewsCms.Core.Articles;

/// <summary>The Markdown source of an article and the forms rendered from it at save time.</summary>
public sealed class ArticleBody
{
    /// <summary>About 60,000 words: far beyond any long read, well short of what would strain rendering or the page.</summary>
    public const int MarkdownMaxLength = 400_000;

    public int ArticleId { get; set; }
    public required string Markdown { get; set; }
    public string Html { get; set; } = "";
    public string PlainText { get; set; } = "";
    public IReadOnlyList<OutlineEntry> Outline { get; set; } = [];
}
