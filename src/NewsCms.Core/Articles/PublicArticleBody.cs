using NewsCms.Core.Authors;
using NewsCms.Core.Content;

namespace NewsCms.Core.Articles;

/// <summary>The rendered forms of a published story's body: what readers may see of it.</summary>
public sealed record PublicArticleBody(int ArticleId, string Html, string PlainText, IReadOnlyList<OutlineEntry> Outline);

/// <summary>
/// A published story read together with its body and, when asked for, its byline in printed order (null when not
/// read).
/// </summary>
public sealed record PublishedArticleWithBody(Article Article, PublicArticleBody Body, IReadOnlyList<Author>? Bylines = null);
