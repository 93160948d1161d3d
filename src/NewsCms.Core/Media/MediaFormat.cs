using System.Text;

namespace NewsCms.Core.Media;

/// <summary>One file format the library accepts, as recognised from its first bytes.</summary>
public sealed record MediaFormat(string Name, MediaKind Kind, string ContentType, IReadOnlyList<string> Extensions, IReadOnlyList<string> DeclaredTypes)
{
    public static readonly MediaFormat Jpeg = new("JPEG", MediaKind.Image, "image/jpeg", ["jpg", "jpeg", "jpe", "jfif"], ["image/jpeg", "image/jpg", "image/pjpeg"]);
    public static readonly MediaFormat Png = new("PNG", MediaKind.Image, "image/png", ["png"], ["image/png", "image/x-png"]);
    public static readonly MediaFormat Gif = new("GIF", MediaKind.Image, "image/gif", ["gif"], ["image/gif"]);
    public static readonly MediaFormat WebP = new("WebP", MediaKind.Image, "image/webp", ["webp"], ["image/webp"]);
    public static readonly MediaFormat Pdf = new("PDF", MediaKind.Document, "application/pdf", ["pdf"], ["application/pdf", "application/x-pdf"]);
    public static readonly MediaFormat Mp4 = new("MP4", MediaKind.Video, "video/mp4", ["mp4", "m4v"], ["video/mp4", "application/mp4", "video/x-m4v"]);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, WebP, Pdf, Mp4];

    /// <summary>The bytes <see cref="Sniff"/> needs to tell every format apart.</summary>
    public const int HeadLength = 16;

    public string PreferredExtension => Extensions[0];

    /// <summary>What a file really is, from its first <see cref="HeadLength"/> bytes; null for anything not accepted.</summary>
    public static MediaFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && Mp4Brands.Contains(Encoding.ASCII.GetString(head[8..12])))
        {
            return Mp4;
        }

        return null;
    }

    /// <summary>
    /// Why the bytes were refused, in words an editor can act on. Markup gets its own answer: an SVG or HTML file
    /// served from our domain could run script in a reader's browser, so it is refused whatever its name says.
    /// </summary>
    public static string RefusalOf(ReadOnlySpan<byte> head)
    {
        var text = head;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (start >= 0 && text[start] == (byte)'<')
        {
            return "SVG, HTML and other markup files are not accepted: they can carry scripts. Upload a JPEG, PNG, WebP or GIF image instead.";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "Only MP4 video is accepted; this video's format is not.";
        }

        return head.Length < 4
            ? "The file is empty or too short to be a JPEG, PNG, WebP, GIF, PDF or MP4."
            : "The file is not a JPEG, PNG, WebP or GIF image, a PDF document or an MP4 video.";
    }

    /// <summary>
    /// The ISO base media brands of MP4 proper; QuickTime (<c>qt  </c>), 3GP and audio-only brands are left out so
    /// that what we accept is what every browser plays.
    /// </summary>
    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "mp71", "avc1", "dash", "M4V ", "MSNV", "mmp4",
    };
}
