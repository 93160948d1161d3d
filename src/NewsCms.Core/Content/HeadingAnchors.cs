using AngleSharp.Dom;

namespace NewsCms.Core.Content;

/// <summary>
/// Gives every heading of a rendered body an anchor that a table of contents, a share link or a
/// search result can point at, and that stays the same for as long as the text does.
/// </summary>
internal static class HeadingAnchors
{
    /// <summary>The anchor of a heading whose text has no letter or digit to make one from.</summary>
    public const string Fallback = "section";

    private static readonly string[] HeadingNames = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Sets an <c>id</c> on each heading below <paramref name="root"/>.</summary>
    /// <returns>The headings in document order, with the anchors they were given.</returns>
    public static IReadOnlyList<OutlineEntry> Assign(IElement root)
    {
        var outline = new List<OutlineEntry>();
        var taken = new HashSet<string>(StringComparer.Ordinal);

        foreach (var heading in root.Descendants<IElement>())
        {
            var level = Array.IndexOf(HeadingNames, heading.LocalName) + 1;
            if (level == 0)
            {
                continue;
            }

            var text = PlainText.Collapse(heading.TextContent);
            var anchor = Unique(Slugs.From(text) is { Length: > 0 } slug ? slug : Fallback, taken);
            heading.Id = anchor;
            outline.Add(new OutlineEntry(level, text, anchor));
        }

        return outline;
    }

    private static string Unique(string anchor, HashSet<string> taken)
    {
        var candidate = anchor;
        for (var occurrence = 2; !taken.Add(candidate); occurrence++)
        {
            var suffix = $"-{occurrence}";

            // Kept within the slug limit so that every anchor is itself a valid slug.
            var stem = anchor.Length + suffix.Length <= Slugs.MaxLength
                ? anchor
                : anchor[..(Slugs.MaxLength - suffix.Length)].TrimEnd('-');
            candidate = stem + suffix;
        }

        return candidate;
    }
}
