using AngleSharp;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
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

        var parsed = Parse(markdown);
        var sizes = ResolveMedia(parsed, options.Media);
        using var document = HtmlSafety.Sanitize(ToUnsanitizedHtml(parsed));

        // SanitizeDom parses the fragment inside an explicit <body>, so there always is one.
        var body = document.Body!;
        InlineMediaSizes.Apply(body, sizes);

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

    /// <summary>
    /// The library assets <paramref name="markdown"/> shows or links with <c>media:ID</c>, read from the same parse the
    /// renderer makes, so that what is looked up is exactly what will be rendered.
    /// </summary>
    public static MediaReferences FindMediaReferences(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var ids = new HashSet<int>();
        var images = new List<InlineImage>();
        var malformed = new List<string>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new MediaReferences(ids, images, malformed);
        }

        foreach (var link in Parse(markdown).Descendants<LinkInline>())
        {
            if (link.Url is not { } url || !MediaReferences.IsMediaUrl(url))
            {
                continue;
            }

            if (MediaReferences.IdOf(url) is not { } id)
            {
                malformed.Add(url);
                continue;
            }

            ids.Add(id);
            if (link.IsImage)
            {
                images.Add(new InlineImage(id, AltTextOf(link)));
            }
        }

        return new MediaReferences(ids, images, malformed);
    }

    private static MarkdownDocument Parse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Markdig refuses input nested past its depth limit: that is the author's to fix, not a server fault.
            throw NewsCmsException.Invalid("body", "The body is nested too deeply to render; flatten its quotes or lists.");
        }
    }

    /// <summary>
    /// Points every <c>media:</c> target at the asset's URL. A reference to an asset that is not given, or a
    /// <c>media:</c> target that names none, fails the save: it would otherwise reach readers as a broken picture (the
    /// sanitizer would drop the unknown scheme, so it could never reach them as anything else).
    /// </summary>
    /// <returns>The sizes to put on each resolved picture, by the URL it now has.</returns>
    private static Dictionary<string, InlineMedia> ResolveMedia(MarkdownDocument document, IReadOnlyDictionary<int, InlineMedia>? media)
    {
        var sizes = new Dictionary<string, InlineMedia>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url || !MediaReferences.IsMediaUrl(url))
            {
                continue;
            }

            if (MediaReferences.IdOf(url) is { } id && media is not null && media.TryGetValue(id, out var resolved))
            {
                link.Url = resolved.Url;
                sizes.TryAdd(resolved.Url, resolved);
            }
            else
            {
                unknown.Add(url);
            }
        }

        if (unknown.Count > 0)
        {
            throw NewsCmsException.Invalid(
                "body",
                $"The body refers to media the library does not have: {string.Join(", ", unknown.Distinct(StringComparer.Ordinal))}. Use media:ID with the id of an uploaded asset.");
        }

        return sizes;
    }

    private static string ToUnsanitizedHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The alt text as Markdig writes it into the alt attribute: the text of the image's label, markup dropped.</summary>
    private static string AltTextOf(LinkInline image)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = false };
        renderer.WriteChildren(image);
        writer.Flush();
        return writer.ToString().Trim();
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
