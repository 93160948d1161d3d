using NewsCms.Core.Authors;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Seeding;

/// <summary>The desks, people, tags and sponsors of the demo newsroom, as new entities ready to be added.</summary>
internal static class DemoNewsroom
{
    /// <summary>Parents come before their children, so the list can be added in order.</summary>
    public static IReadOnlyList<Section> CreateSections()
    {
        var business = NewSection("business", "Business", 1, "Companies, deals and the people who run them.");
        var markets = NewSection("markets", "Markets", 2, "Shares, bonds, currencies and commodities, and what moves them.");
        var technology = NewSection("technology", "Technology", 3, "The companies building the digital economy and the rules they live by.");
        var startups = NewSection("startups", "Startups", 4, "Founders, funding rounds and the investors behind them.");
        var policy = NewSection("policy", "Policy", 5, "Regulation, government and the decisions that shape business.");
        var events = NewSection("events", "Events", 6, "Our summits, briefings and awards, and how to take part.");

        return
        [
            business,
            NewSection("property", "Property", 1, "Offices, homes and the capital that builds them.", business),
            markets,
            technology,
            NewSection("cybersecurity", "Cybersecurity", 1, "Attacks, defences and the business of keeping accounts safe.", technology),
            NewSection("fintech", "Fintech", 2, "Payments, digital banking and the firms changing how money moves.", technology),
            startups,
            policy,
            events,
        ];
    }

    public static IReadOnlyList<Author> CreateAuthors() =>
    [
        new()
        {
            Slug = "elena-markou",
            Name = "Elena Markou",
            JobTitle = "Business editor",
            Bio = "Elena leads the business desk. She has covered banking, shipping and property for fifteen years, "
                + "most recently as a correspondent in Athens and Frankfurt.",
        },
        new()
        {
            Slug = "clara-okafor",
            Name = "Clara Okafor",
            JobTitle = "Technology correspondent",
            Bio = "Clara writes about artificial intelligence, cloud computing and the companies that sell them. "
                + "Before journalism she worked as a software engineer.",
        },
        new()
        {
            Slug = "daniel-ashworth",
            Name = "Daniel Ashworth",
            JobTitle = "Markets editor",
            Bio = "Daniel writes the weekly markets wrap and covers central banks, bonds and currencies. "
                + "He spent a decade on a trading floor before switching sides.",
        },
        new()
        {
            Slug = "priya-raman",
            Name = "Priya Raman",
            JobTitle = "Policy and regulation reporter",
            Bio = "Priya follows lawmakers and regulators in Brussels and beyond, with a focus on digital rules, "
                + "competition and public procurement.",
        },
        new()
        {
            Slug = "nikos-theodorou",
            Name = "Nikos Theodorou",
            JobTitle = "Cybersecurity correspondent",
            Bio = "Nikos reports on data breaches, online fraud and the security industry. "
                + "He previously ran incident response for a regional bank.",
        },
        new()
        {
            Slug = "sofia-lindqvist",
            Name = "Sofia Lindqvist",
            JobTitle = "Startups reporter",
            Bio = "Sofia covers founders, venture capital and the fast-growing companies of southern and northern Europe.",
        },
    ];

    public static IReadOnlyList<Tag> CreateTags() =>
    [
        NewTag("artificial-intelligence", "Artificial intelligence"),
        NewTag("defence", "Defence"),
        NewTag("regulation", "Regulation"),
        NewTag("public-procurement", "Public procurement"),
        NewTag("passkeys", "Passkeys"),
        NewTag("phishing", "Phishing"),
        NewTag("consumer-apps", "Consumer apps"),
        NewTag("fintech", "Fintech"),
        NewTag("payments", "Payments"),
        NewTag("small-business", "Small business"),
        NewTag("venture-capital", "Venture capital"),
        NewTag("interest-rates", "Interest rates"),
        NewTag("commodities", "Commodities"),
        NewTag("commercial-property", "Commercial property"),
        NewTag("sustainability", "Sustainability"),
        NewTag("european-union", "European Union"),
        NewTag("conferences", "Conferences"),
    ];

    /// <summary>
    /// The partners in the site's sponsor strip, in its order. Their websites are placeholders: the demo must not
    /// send readers anywhere on a sponsor's behalf. All four are in the homepage strip, as on the reference site; the
    /// rest follows what each one sponsors.
    /// </summary>
    public static IReadOnlyList<Sponsor> CreateSponsors(DateTime now) =>
    [
        new()
        {
            Slug = "uol",
            Placements = SponsorPlacements.HomepageStrip | SponsorPlacements.Newsletter,
            Name = "Uol",
            Tier = SponsorTier.Silver,
            WebsiteUrl = "https://example.com/sponsors/uol",
            Description = "Digital partner of our weekly newsletter and online briefings for the current season.",
            ActiveFrom = now.AddDays(-60),
            ActiveUntil = now.AddDays(45),
            DisplayOrder = 1,
        },
        new()
        {
            Slug = "the-future-forbes-realty-global-properties",
            Placements = SponsorPlacements.HomepageStrip | SponsorPlacements.Events,
            Name = "The Future Forbes Realty Global Properties",
            Tier = SponsorTier.Platinum,
            WebsiteUrl = "https://example.com/sponsors/the-future-forbes-realty-global-properties",
            Description = "Real estate group and headline partner of our annual business summit.",
            ActiveFrom = now.AddDays(-200),
            DisplayOrder = 2,
        },
        new()
        {
            Slug = "aretilaw-firm",
            Placements = SponsorPlacements.HomepageStrip | SponsorPlacements.Events,
            Name = "Aretilaw firm",
            Tier = SponsorTier.Gold,
            WebsiteUrl = "https://example.com/sponsors/aretilaw-firm",
            Description = "Law firm and knowledge partner of our regulation and compliance briefings.",
            ActiveFrom = now.AddDays(-150),
            DisplayOrder = 3,
        },
        new()
        {
            Slug = "ecredo",
            Placements = SponsorPlacements.HomepageStrip | SponsorPlacements.ArticleSponsorship,
            Name = "eCredo",
            Tier = SponsorTier.Gold,
            WebsiteUrl = "https://example.com/sponsors/ecredo",
            Description = "Payments and business accounts provider, and sponsor of our series of explainers on how money moves.",
            ActiveFrom = now.AddDays(-90),
            DisplayOrder = 4,
        },
    ];

    private static Section NewSection(string slug, string name, int displayOrder, string description, Section? parent = null) =>
        new() { Slug = slug, Name = name, DisplayOrder = displayOrder, Description = description, Parent = parent };

    private static Tag NewTag(string slug, string name) => new() { Slug = slug, Name = name };
}
