using System.ComponentModel;

namespace NewsCms.Core.Sponsors;

/// <summary>
/// Where a sponsor's logo and link appear. Stored as one integer of flags so that "shown in the newsletter" is a
/// bitwise test every provider translates, without a join per sponsor in the strip query.
/// </summary>
// The descriptions travel into the public schema, where frontends read what each placement means.
[Flags]
public enum SponsorPlacements
{
    None = 0,

    [Description("The sponsor strip on the homepage.")]
    HomepageStrip = 1,

    [Description("The sponsor block of the newsletter.")]
    Newsletter = 2,

    [Description("Event pages and programmes.")]
    Events = 4,

    [Description("Sponsored stories: the sponsor may pay for articles.")]
    ArticleSponsorship = 8,
}

/// <summary>The single placements, one flag each, in the order staff tools list them.</summary>
public static class SponsorPlacementFlags
{
    public const SponsorPlacements All = SponsorPlacements.HomepageStrip | SponsorPlacements.Newsletter | SponsorPlacements.Events | SponsorPlacements.ArticleSponsorship;

    public static IReadOnlyList<SponsorPlacements> Each { get; } =
        [SponsorPlacements.HomepageStrip, SponsorPlacements.Newsletter, SponsorPlacements.Events, SponsorPlacements.ArticleSponsorship];

    public static IReadOnlyList<SponsorPlacements> Of(SponsorPlacements placements) => [.. Each.Where(p => (placements & p) == p)];
}
