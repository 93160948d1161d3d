using System.Text;

namespace NewsCms.Core.Content;

/// <summary>
/// Reads URLs the way a browser does, so that what is judged here is what the reader's browser would follow.
/// </summary>
internal static class UrlScheme
{
    private static readonly string C0ControlsAndSpace = string.Concat(Enumerable.Range(0, 0x21).Select(code => (char)code));

    /// <returns>The lowercase scheme of <paramref name="url"/>, or null when the URL is relative.</returns>
    public static string? Of(string url) => OfNormalized(NormalizeAsBrowser(url));

    /// <summary>Whether the URL is fetched over the web: http(s), or relative to our own pages.</summary>
    public static bool IsHttpOrRelative(string url) => Of(url) is null or "http" or "https";

    /// <summary>
    /// Whether the URL leaves the publication: absolute http(s), or scheme-relative ("//host/..."),
    /// which browsers resolve against the page's own http(s) scheme.
    /// </summary>
    public static bool IsExternalWebUrl(string url)
    {
        var normalized = NormalizeAsBrowser(url);
        return OfNormalized(normalized) switch
        {
            "http" or "https" => true,

            // Browsers read a backslash as a slash in web URLs, so "/\host" leaves the site as "//host" does.
            null => normalized.Replace('\\', '/').StartsWith("//", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static string? OfNormalized(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        var scheme = url.AsSpan(0, colon);
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                // A colon after a slash, "?" or "#" belongs to the path of a relative URL, not to a scheme.
                return null;
            }
        }

        return scheme.ToString().ToLowerInvariant();
    }

    /// <remarks>
    /// The URL standard strips leading and trailing C0 controls and spaces and ignores tabs and
    /// newlines anywhere, which is how "jav&#x09;ascript:" still runs script.
    /// </remarks>
    private static string NormalizeAsBrowser(string url)
    {
        var trimmed = url.AsSpan().Trim(C0ControlsAndSpace);
        var normalized = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                normalized.Append(c);
            }
        }

        return normalized.ToString();
    }
}
