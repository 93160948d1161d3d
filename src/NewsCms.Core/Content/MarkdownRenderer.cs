using AngleSharp;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;
using NewsCms.Core.Common;

namespace NewsCms.Core.Content;

/// <summary>
/// Turns an article's Markdown into everything stored beside it. Holds no per-call state, so one
/// instance serves every request.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly RenderedBody Empty = new("", "", [], 0, 0);

    // A Markdig pipeline is immutable once built and documented as safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    public RenderedBody Render(string markdown, MarkdownRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(options);

        if (string.IsNullOrWhiteSpace(markdown))
        {
            return Empty;
        }

        using var document = HtmlSafety.Sanitize(ToUnsanitizedHtml(markdown));

        // SanitizeDom parses the fragment inside an explicit <body>, so there always is one.
        var body = document.Body!;

        // Anchors and rels go on after sanitizing, so the sanitizer can neither prefix nor drop them
        // and need not allow id or rel at all; both are built from slugs and constants that cannot
        // carry markup. Working on the sanitized tree also makes the outline and plain text exactly
        // what the reader is shown.
        var outline = HeadingAnchors.Assign(body);
        ExternalLinks.Mark(body, options.Sponsored);

        var html = body.ChildNodes.ToHtml(HtmlFormatter.Instance).Trim();
        var plainText = PlainText.Of(body);
        var wordCount = PlainText.CountWords(plainText);

        return new RenderedBody(html, plainText, outline, wordCount, ReadingTime.Minutes(wordCount));
    }

    private static string ToUnsanitizedHtml(string markdown)
    {
        try
        {
            return Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Markdig refuses input nested past its depth limit: that is the author's to fix, not a server fault.
            throw NewsCmsException.Invalid("body", "The body is nested too deeply to render; flatten its quotes or lists.");
        }
    }

    private static MarkdownPipeline BuildPipeline() =>
        new MarkdownPipelineBuilder()
            // Authors write Markdown, never HTML: tags they type are shown as text.
            .DisableHtml()
            .UsePipeTables()
            // Only the extras whose tags the sanitizer keeps; "~" alone stays text
            // unless it closes, so "up ~5% to ~7%" is not read as a subscript.
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript)
            .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
            // Deliberately absent:
            // - ListExtras, which reads a paragraph opening "J. P. Morgan said" as a lettered list;
            // - TaskLists, whose checkboxes a news story has no use for and the sanitizer would strip;
            // - GenericAttributes, which would let authors write attributes;
            // - AutoIdentifiers, since anchors come from HeadingAnchors so they match the outline.
            .Build();
}
