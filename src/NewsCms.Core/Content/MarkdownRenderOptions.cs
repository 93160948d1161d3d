namespace NewsCms.Core.Content;

/// <param name="Sponsored">Links in sponsored content also carry <c>rel="sponsored"</c>, as search engines ask.</param>
/// <param name="Media">
/// What each <c>media:ID</c> in the body becomes, by asset id; a reference missing here fails the render with a
/// VALIDATION error on <c>body</c>.
/// </param>
public sealed record MarkdownRenderOptions(bool Sponsored = false, IReadOnlyDictionary<int, InlineMedia>? Media = null);
