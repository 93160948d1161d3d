using Microsoft.Extensions.Options;
using NewsCms.Core.Content;

namespace NewsCms.Core.Media;

/// <summary>
/// Every media URL comes from here: <c>{PublicBaseUrl}/media/{storageId}/{name}</c>, where the name is the cleaned
/// file name for the original and <see cref="Rendition.Name"/> for a rendition. The storage id never serves two
/// different byte sequences, so these URLs can be cached forever.
/// </summary>
public sealed class MediaUrls(IOptions<MediaOptions> options)
{
    public const string PathPrefix = "/media/";

    /// <summary>The width of pictures in a body: a body column on a high-density screen, still small enough for a phone.</summary>
    public const int InlineWidth = 1280;

    public string Original(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return $"{Base}{PathPrefix}{asset.StorageId}/{Uri.EscapeDataString(asset.FileName)}";
    }

    public string Of(MediaAsset asset, Rendition rendition)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(rendition);
        return $"{Base}{PathPrefix}{asset.StorageId}/{rendition.Name}";
    }

    /// <summary>
    /// What <c>media:ID</c> in a body becomes: a picture's 1280-pixel WebP rendition with the size it will have
    /// (renditions fit inside their box and never enlarge), anything else its original.
    /// </summary>
    public InlineMedia Inline(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (!asset.IsImage)
        {
            return new InlineMedia(Original(asset), null, null);
        }

        var rendition = Rendition.For(asset, options.Value, InlineWidth, null, MediaFit.Contain, RenditionFormat.WebP);
        if (asset is not { Width: > 0 and var width, Height: > 0 and var height })
        {
            return new InlineMedia(Of(asset, rendition), null, null);
        }

        var shown = Math.Min(width, rendition.Width);
        var shownHeight = (int)Math.Max(1, Math.Round((double)height * shown / width, MidpointRounding.AwayFromZero));
        return new InlineMedia(Of(asset, rendition), shown, shownHeight);
    }

    private string Base => (options.Value.PublicBaseUrl ?? "").TrimEnd('/');
}
