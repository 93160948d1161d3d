using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsCms.Core.Content;

/// <summary>What a <c>media:</c> reference in Markdown becomes once its asset is known: the URL and, for pictures, the size the page should reserve.</summary>
public sealed record InlineMedia(string Url, int? Width, int? Height);

/// <summary>One picture of the body that shows a library asset, with the alt text its Markdown gives it (empty when none).</summary>
public sealed record InlineImage(int MediaAssetId, string AltText);

/// <summary>
/// The library assets a Markdown body refers to with <c>media:ID</c>, found on the parsed document so that only real
/// link and image targets count, never the same characters in text or code.
/// </summary>
/// <param name="AssetIds">Every asset referred to, by images and links alike.</param>
/// <param name="Images">Each picture in order, for the alt-text rule of publishing.</param>
/// <param name="Malformed">The targets with the <c>media</c> scheme that name no asset id, as written.</param>
public sealed record MediaReferences(IReadOnlySet<int> AssetIds, IReadOnlyList<InlineImage> Images, IReadOnlyList<string> Malformed)
{
    public const string Scheme = "media";

    /// <summary>
    /// The asset a <c>media:</c> target names: its number (<c>media:42</c>) or the global id the API gives it
    /// (<c>media:TWVkaWFBc3NldDo0Mg</c>), which is what an editor copies from the library. Anything else is no reference.
    /// </summary>
    /// <remarks>
    /// The global id is decoded here rather than in the GraphQL layer because bodies are rendered by the core alone
    /// (saves, restored revisions); its format, base64url of <c>MediaAsset:42</c>, is part of the public API already.
    /// </remarks>
    public static int? IdOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (UrlScheme.Of(trimmed) != Scheme || trimmed.Length <= Scheme.Length + 1 || trimmed[Scheme.Length] != ':')
        {
            return null;
        }

        var id = trimmed[(Scheme.Length + 1)..];
        if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number > 0 ? number : null;
        }

        if (id.Length > 100)
        {
            return null;
        }

        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
            const string prefix = "MediaAsset:";
            return raw.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(raw.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var decoded)
                && decoded > 0
                    ? decoded
                    : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether the URL uses the <c>media</c> scheme, well formed or not, read the way a browser reads schemes.</summary>
    public static bool IsMediaUrl(string url) => UrlScheme.Of(url ?? "") == Scheme;
}
