namespace NewsCms.Core.Content;

/// <param name="Sponsored">Links in sponsored content also carry <c>rel="sponsored"</c>, as search engines ask.</param>
public sealed record MarkdownRenderOptions(bool Sponsored = false);
