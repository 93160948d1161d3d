using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NewsCms.Core.Media;

/// <summary>How a rendition fills its box.</summary>
public enum MediaFit
{
    [Description("Fills the box exactly, cropping around the focal point.")]
    Cover,

    [Description("Fits inside the box, keeping the whole picture.")]
    Contain,
}

/// <summary>The file format of a rendition; the original keeps its own.</summary>
public enum RenditionFormat
{
    [Description("WebP: smaller files than JPEG at the same quality, read by every current browser.")]
    WebP,

    [Description("JPEG: for the clients that read nothing newer, such as some e-mail programs.")]
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
    /// Reads a <see cref="Name"/> back, accepting only its canonical spelling (no leading zeros, no sign, lower case),
    /// so that one rendition has one name and one store key. A contain name does not carry the focal point, which
    /// then reads as the middle; compare names, not records, to check a name against an asset.
    /// </summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out Rendition? rendition)
    {
        rendition = null;
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        var dot = name.LastIndexOf('.');
        RenditionFormat format;
        switch (dot < 0 ? "" : name[(dot + 1)..])
        {
            case "webp":
                format = RenditionFormat.WebP;
                break;
            case "jpg":
                format = RenditionFormat.Jpeg;
                break;
            default:
                return false;
        }

        var parts = name[..dot].Split('-');
        var size = parts[0].Split('x');
        if (size.Length > 2 || !TryParseNumber(size[0], out var width) || width < 1)
        {
            return false;
        }

        int? height = null;
        if (size.Length == 2)
        {
            if (!TryParseNumber(size[1], out var h) || h < 1)
            {
                return false;
            }

            height = h;
        }

        Rendition parsed;
        if (parts is [_, "contain"])
        {
            parsed = new Rendition(width, height, MediaFit.Contain, format, 50, 50);
        }
        else if (parts is [_, "cover", var x, var y] && height is not null
            && TryParseNumber(x, out var focalX) && TryParseNumber(y, out var focalY) && focalX <= 100 && focalY <= 100)
        {
            parsed = new Rendition(width, height, MediaFit.Cover, format, focalX, focalY);
        }
        else
        {
            return false;
        }

        // Only what Name writes is a name: anything that reads the same but is spelled differently would be a
        // second store key for one picture.
        if (parsed.Name != name)
        {
            return false;
        }

        rendition = parsed;
        return true;
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

    private static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        return text.Length <= 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static int Percent(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100, MidpointRounding.AwayFromZero);
}
