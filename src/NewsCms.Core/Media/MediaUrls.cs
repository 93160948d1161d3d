using Microsoft.Extensions.Options;

namespace NewsCms.Core.Media;

/// <summary>
/// Every media URL comes from here: <c>{PublicBaseUrl}/media/{storageId}/{name}</c>, where the name is the cleaned
/// file name for the original and <see cref="Rendition.Name"/> for a rendition. The storage id never serves two
/// different byte sequences, so these URLs can be cached forever.
/// </summary>
public sealed class MediaUrls(IOptions<MediaOptions> options)
{
    public const string PathPrefix = "/media/";

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

    private string Base => (options.Value.PublicBaseUrl ?? "").TrimEnd('/');
}
