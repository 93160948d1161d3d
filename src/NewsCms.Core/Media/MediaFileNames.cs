using System.Globalization;
using System.Text;

namespace NewsCms.Core.Media;

/// <summary>
/// The uploader's file name made safe to show and to offer on download: no folders, no control or reserved
/// characters, bounded, and ending in the extension of what the bytes really are.
/// </summary>
public static class MediaFileNames
{
    public const int MaxBaseNameLength = 120;

    public static string Clean(string? fileName, MediaFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = LastSegment(fileName);
        var extension = ExtensionOf(name);
        var baseName = extension is null ? name : name[..^(extension.Length + 1)];
        var safe = new StringBuilder(baseName.Length);
        foreach (var c in baseName.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '(' or ')' ? c : c is ' ' ? ' ' : '-');
        }

        var cleaned = string.Join(' ', safe.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '-', ' ');
        if (cleaned.Length > MaxBaseNameLength)
        {
            cleaned = cleaned[..MaxBaseNameLength].TrimEnd('.', '-', ' ');
        }

        return $"{(cleaned.Length == 0 ? "upload" : cleaned)}.{extension ?? format.PreferredExtension}";
    }

    /// <summary>
    /// The lower-case extension, or null when there is none. Digits only do not count: "results.2025" is a name, not
    /// a claim about the format.
    /// </summary>
    public static string? ExtensionOf(string? fileName)
    {
        var name = LastSegment(fileName);
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return null;
        }

        var extension = name[(dot + 1)..].ToLowerInvariant();
        return extension.All(char.IsAsciiDigit) ? null : extension;
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    /// <summary>Browsers send a bare name, old ones a whole Windows path.</summary>
    private static string LastSegment(string? fileName)
    {
        var name = (fileName ?? "").Trim();
        var slash = name.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? name[(slash + 1)..] : name;
    }
}
