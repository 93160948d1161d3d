using System.Globalization;

namespace NewsCms.Core.Media;

/// <summary>How a rendition fills its box.</summary>
public enum MediaFit
{
    /// <summary>Fills the box exactly, cropping around the focal point.</summary>
    Cover,

    /// <summary>Fits inside the box, keeping the whole picture.</summary>
    Contain,
}

public enum RenditionFormat
{
    WebP,
    Jpeg,
}

/// <summary>
/// One derived size of an image, already snapped to the configured widths. Its <see cref="Name"/> is the last segment
/// of its URL and of its store key; a cover crop carries the focal point it was cut around, so moving the focal point
/// gives new URLs instead of stale cached pictures.
/// </summary>
public sealed record Rendition(int Width, int? Height, MediaFit Fit, RenditionFormat Format, int FocalXPercent, int FocalYPercent)
{
    public string Extension => Format == RenditionFormat.WebP ? "webp" : "jpg";

    public string ContentType => Format == RenditionFormat.WebP ? "image/webp" : "image/jpeg";

    /// <summary>E.g. <c>640x360-cover-50-33.webp</c>, <c>1280-contain.jpg</c>.</summary>
    public string Name
    {
        get
        {
            var size = Height is { } height
                ? string.Create(CultureInfo.InvariantCulture, $"{Width}x{height}")
                : Width.ToString(CultureInfo.InvariantCulture);
            var crop = Fit == MediaFit.Cover && Height is not null
                ? string.Create(CultureInfo.InvariantCulture, $"-cover-{FocalXPercent}-{FocalYPercent}")
                : "-contain";
            return $"{size}{crop}.{Extension}";
        }
    }

    /// <summary>
    /// The rendition serving a request for <paramref name="width"/> × <paramref name="height"/>: each side snaps up to
    /// the next configured width (the largest when beyond), so however callers vary their sizes, an asset has a
    /// bounded number of renditions.
    /// </summary>
    public static Rendition For(MediaAsset asset, MediaOptions options, int width, int? height, MediaFit fit, RenditionFormat format)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(options);
        var snappedHeight = height is { } h ? Snap(h, options.RenditionWidths) : (int?)null;
        return new Rendition(
            Snap(width, options.RenditionWidths),
            snappedHeight,
            snappedHeight is null ? MediaFit.Contain : fit,
            format,
            Percent(asset.FocalPointX),
            Percent(asset.FocalPointY));
    }

    private static int Snap(int requested, int[] sizes)
    {
        var best = sizes.Length == 0 ? requested : sizes.Max();
        foreach (var size in sizes)
        {
            if (size >= requested && size < best)
            {
                best = size;
            }
        }

        return best;
    }

    private static int Percent(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100, MidpointRounding.AwayFromZero);
}
