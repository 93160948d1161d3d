using AngleSharp.Dom;

namespace NewsCms.Core.Content;

/// <summary>
/// Marks links that leave the publication so the destination gets no handle on our page and no
/// referrer, and so that paid placements are declared to search engines as they require.
/// </summary>
internal static class ExternalLinks
{
    public const string Rel = "noopener noreferrer";
    public const string SponsoredRel = "sponsored noopener noreferrer";

    public static void Mark(IElement root, bool sponsored)
    {
        foreach (var link in root.Descendants<IElement>())
        {
            if (link.LocalName == "a"
                && link.GetAttribute("href") is { } href
                && UrlScheme.IsExternalWebUrl(href))
            {
                link.SetAttribute("rel", sponsored ? SponsoredRel : Rel);
            }
        }
    }
}
