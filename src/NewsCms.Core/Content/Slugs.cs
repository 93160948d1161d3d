using System.Globalization;
using System.Text;

namespace NewsCms.Core.Content;

/// <summary>
/// The URL-safe names of articles and sections, and the anchors of headings: lowercase ASCII
/// letters and digits in words joined by single hyphens.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 200;

    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength)
        {
            return false;
        }

        var previousWasHyphen = true; // a leading hyphen is as wrong as a doubled one
        foreach (var c in slug)
        {
            if (c == '-')
            {
                if (previousWasHyphen)
                {
                    return false;
                }

                previousWasHyphen = true;
            }
            else if (IsSlugLetterOrDigit(c))
            {
                previousWasHyphen = false;
            }
            else
            {
                return false;
            }
        }

        return !previousWasHyphen;
    }

    /// <returns>The slug of <paramref name="text"/>, or "" when it has no Latin letter or digit.</returns>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var slug = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var hyphenPending = false;

        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // Text that arrives decomposed ("e" + U+0301) carries its accents as marks; the base letter before it stays.
                continue;
            }

            var letter = c is >= 'A' and <= 'Z' ? char.ToLowerInvariant(c) : c;
            ReadOnlySpan<char> spelling = IsSlugLetterOrDigit(letter)
                ? new ReadOnlySpan<char>(in letter)
                : LatinLetters.AsciiSpelling(c);

            if (spelling.IsEmpty)
            {
                hyphenPending = slug.Length > 0;
                continue;
            }

            if (hyphenPending)
            {
                slug.Append('-');
                hyphenPending = false;
            }

            slug.Append(spelling);

            // One character past the limit is enough to know whether the cut falls between words.
            if (slug.Length > MaxLength)
            {
                break;
            }
        }

        return slug.Length > MaxLength ? TruncateAtWordBoundary(slug.ToString()) : slug.ToString();
    }

    private static string TruncateAtWordBoundary(string slug)
    {
        var cut = slug[..MaxLength];
        if (slug[MaxLength] == '-')
        {
            return cut;
        }

        var lastHyphen = cut.LastIndexOf('-');

        // A single word longer than the limit has no boundary to cut at, so it is cut mid-word.
        return lastHyphen > 0 ? cut[..lastHyphen] : cut;
    }

    private static bool IsSlugLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
