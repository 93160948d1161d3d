using System.Globalization;
using AngleSharp.Dom;

namespace NewsCms.Core.Content;

/// <summary>
/// Gives library pictures their width and height, so the page reserves their space before they load. Added after
/// sanitizing, like anchors, so the sanitizer need not allow the attributes at all and authors can never set them.
/// </summary>
internal static class InlineMediaSizes
{
    public static void Apply(IElement root, IReadOnlyDictionary<string, InlineMedia> sizes)
    {
        if (sizes.Count == 0)
        {
            return;
        }

        foreach (var image in root.Descendants<IElement>())
        {
            if (image.LocalName == "img"
                && image.GetAttribute("src") is { } src
                && sizes.TryGetValue(src, out var media)
                && media is { Width: { } width, Height: { } height })
            {
                image.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
                image.SetAttribute("height", height.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
