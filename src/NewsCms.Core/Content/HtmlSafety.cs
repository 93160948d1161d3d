using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace NewsCms.Core.Content;

/// <summary>
/// The second wall behind Markdig's disabled raw HTML: whatever the Markdown renderer emits, only the
/// elements, attributes and URLs that newsroom Markdown legitimately produces survive.
/// </summary>
internal static class HtmlSafety
{
    // Configured once and never changed afterwards, which is what makes sharing it across threads safe.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <returns>A document whose body holds the sanitized fragment; the caller disposes it.</returns>
    public static IHtmlDocument Sanitize(string html) => Sanitizer.SanitizeDom(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        // Empty() rather than new(): the parameterless options start from the library's broad defaults.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(
        [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br",
            "ul", "ol", "li",
            "table", "thead", "tbody", "tr", "th", "td",
            "a", "img",
            "em", "strong", "del", "sup", "sub", "code", "pre",
        ]);

        // No id, class, style or rel: Markdig sets none we want, and the ids and rels the page
        // carries are added after sanitizing, from values that cannot hold markup.
        options.AllowedAttributes.UnionWith(["href", "src", "alt", "title", "start"]);
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);

        // Every attribute that can hold a URL is screened, allowed or not, so that allowing one
        // later can never let a script URL in unscreened.
        options.UriAttributes.UnionWith(HtmlSanitizerDefaults.UriAttributes);
        options.UriListAttributes.UnionWith(HtmlSanitizerDefaults.UriListAttributes);

        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += KeepOnlyWebImageSources;
        return sanitizer;
    }

    /// <summary>A mailto image is no image, and the scheme allowlist is shared with links.</summary>
    private static void KeepOnlyWebImageSources(object? sender, FilterUrlEventArgs e)
    {
        if (e.SanitizedUrl is { } url
            && e.Tag.LocalName == "img"
            && !UrlScheme.IsHttpOrRelative(url))
        {
            e.SanitizedUrl = null;
        }
    }
}
