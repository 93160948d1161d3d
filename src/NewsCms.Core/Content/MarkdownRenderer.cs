namespace NewsCms.Core.Content;

public sealed class MarkdownRenderer
{
    public RenderedBody Render(string markdown, MarkdownRenderOptions options) => throw new NotImplementedException();
}
