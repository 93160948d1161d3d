namespace NewsCms.Core.Seeding;

/// <summary>
/// The fixed desks, staff and tags that generated articles are filed under. Slugs overlap the demo newsroom where the
/// desks are the same, so that generated content lands in the demo's sections instead of duplicating them.
/// </summary>
internal static class GeneratedNewsroom
{
    /// <summary>Parents come before their children.</summary>
    public static IReadOnlyList<(string Slug, string Name, string? ParentSlug, int DisplayOrder)> Sections { get; } =
    [
        ("business", "Business", null, 1),
        ("markets", "Markets", null, 2),
        ("technology", "Technology", null, 3),
        ("startups", "Startups", null, 4),
        ("policy", "Policy", null, 5),
        ("energy", "Energy", null, 7),
        ("property", "Property", "business", 1),
        ("banking", "Banking", "business", 2),
        ("cybersecurity", "Cybersecurity", "technology", 1),
        ("fintech", "Fintech", "technology", 2),
    ];

    public static IReadOnlyList<(string Slug, string Name, string JobTitle)> Authors { get; } =
    [
        ("alexandra-pappas", "Alexandra Pappas", "Banking correspondent"),
        ("ben-hartley", "Ben Hartley", "Markets reporter"),
        ("chiara-benedetti", "Chiara Benedetti", "Europe economics correspondent"),
        ("david-mensah", "David Mensah", "Energy correspondent"),
        ("eva-novak", "Eva Novak", "Technology reporter"),
        ("farid-haddad", "Farid Haddad", "Shipping and trade correspondent"),
        ("grace-whitfield", "Grace Whitfield", "Deputy business editor"),
        ("hugo-lambert", "Hugo Lambert", "Property correspondent"),
        ("ines-carvalho", "Ines Carvalho", "Startups reporter"),
        ("james-oconnell", "James O'Connell", "Policy correspondent"),
        ("katya-ivanova", "Katya Ivanova", "Commodities reporter"),
        ("leo-fischer", "Leo Fischer", "Data journalist"),
        ("maria-georgiou", "Maria Georgiou", "Retail and consumer correspondent"),
        ("noah-berg", "Noah Berg", "Cybersecurity reporter"),
        ("olivia-grant", "Olivia Grant", "Personal finance editor"),
        ("pavel-horak", "Pavel Horak", "Industry correspondent"),
        ("rania-saleh", "Rania Saleh", "Fintech reporter"),
        ("samuel-osei", "Samuel Osei", "Economics editor"),
        ("theo-marchetti", "Theo Marchetti", "Media and telecoms correspondent"),
        ("yasmin-kaur", "Yasmin Kaur", "Legal affairs correspondent"),
    ];

    public static IReadOnlyList<(string Slug, string Name)> Tags { get; } =
    [
        ("artificial-intelligence", "Artificial intelligence"),
        ("banking", "Banking"),
        ("bonds", "Bonds"),
        ("central-banks", "Central banks"),
        ("cloud-computing", "Cloud computing"),
        ("commercial-property", "Commercial property"),
        ("commodities", "Commodities"),
        ("consumer-spending", "Consumer spending"),
        ("data-protection", "Data protection"),
        ("defence", "Defence"),
        ("earnings", "Earnings"),
        ("electric-vehicles", "Electric vehicles"),
        ("energy-transition", "Energy transition"),
        ("equities", "Equities"),
        ("european-union", "European Union"),
        ("exports", "Exports"),
        ("fintech", "Fintech"),
        ("housing", "Housing"),
        ("inflation", "Inflation"),
        ("insurance", "Insurance"),
        ("interest-rates", "Interest rates"),
        ("ipos", "IPOs"),
        ("labour-market", "Labour market"),
        ("logistics", "Logistics"),
        ("mergers-and-acquisitions", "Mergers and acquisitions"),
        ("oil-and-gas", "Oil and gas"),
        ("passkeys", "Passkeys"),
        ("payments", "Payments"),
        ("private-equity", "Private equity"),
        ("regulation", "Regulation"),
        ("renewables", "Renewables"),
        ("retail", "Retail"),
        ("semiconductors", "Semiconductors"),
        ("shipping", "Shipping"),
        ("small-business", "Small business"),
        ("supply-chains", "Supply chains"),
        ("sustainability", "Sustainability"),
        ("telecoms", "Telecoms"),
        ("tourism", "Tourism"),
        ("venture-capital", "Venture capital"),
    ];
}
