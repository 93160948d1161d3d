using System.Globalization;
using System.Text;

namespace NewsCms.Core.Seeding;

/// <summary>A generated story: plausible business copy for load and benchmark runs, not for readers.</summary>
internal sealed record GeneratedStory(string Title, string? Kicker, string Summary, string Markdown);

/// <summary>
/// Writes business stories from templates. Each story casts one company, a rival, an industry and an analyst and keeps
/// them throughout, so that the text reads as a story rather than a shuffle. Every choice comes from the given
/// <see cref="Random"/>, so a seed always produces the same stories.
/// </summary>
internal sealed class GeneratedStoryWriter(Random random)
{
    private const int TypicalBodyLength = 4_600;
    private const int BodyLengthSpread = 800;
    private const int SentenceTemplateCount = 32; // the number of cases in Sentence

    /// <summary>Each industry with its own companies, so that a story's company and its rival are in the same business.</summary>
    private static readonly Industry[] Industries =
    [
        new("lenders", "lending volumes", ["Palisade Bank", "Northbridge Capital", "Ostrander Bank"]),
        new("insurers", "premium income", ["Arbor Insurance", "Harrowgate Assurance"]),
        new("chipmakers", "chip sales", ["Helix Semiconductors", "Corvane Systems"]),
        new("airlines", "passenger numbers", ["Castellan Airlines", "Aurelia Air"]),
        new("utilities", "power demand", ["Brightwater Utilities", "Lydford Energy", "Windrush Renewables"]),
        new("retailers", "retail sales", ["Orchard Retail Group", "Marlow & Finch"]),
        new("carmakers", "vehicle registrations", ["Tessaly Motors", "Veltra Automotive"]),
        new("shipping groups", "freight volumes", ["Halvorsen Shipping", "Kestrel Logistics"]),
        new("property developers", "construction activity", ["Quayside Properties", "Sablewood Construction"]),
        new("software companies", "software spending", ["Lumen Ridge Software", "Parallax Cloud"]),
        new("telecoms operators", "data traffic", ["Solent Telecom", "Fernhill Networks"]),
        new("food producers", "food exports", ["Veridian Foods", "Olivegrove Farms"]),
        new("hotel groups", "hotel occupancy", ["Larkspur Hotels", "Meridale Resorts"]),
        new("payment companies", "card payment volumes", ["Pennant Payments", "Clearwell Pay"]),
        new("industrial groups", "factory orders", ["Eastmoor Steel", "Thornbury Chemicals"]),
    ];

    private static readonly string[] Regions =
    [
        "southern Europe", "the Gulf", "the Nordic countries", "central Europe", "the eastern Mediterranean",
        "North Africa", "the Baltic states", "the Iberian peninsula", "the Balkans",
    ];

    private static readonly string[] Periods =
        ["first quarter", "second quarter", "third quarter", "fourth quarter", "first half", "second half"];

    private static readonly string[] Tailwinds =
    [
        "stronger export orders", "a rebound in tourism", "falling energy costs", "resilient consumer spending",
        "demand for data centres", "cheaper raw materials", "higher prices for its services", "new public contracts",
    ];

    private static readonly string[] Headwinds =
    [
        "higher financing costs", "weaker consumer demand", "rising energy prices", "a shortage of skilled staff",
        "tighter regulation", "slowing export orders", "delays to public contracts", "a strong euro",
    ];

    private static readonly string[] Issues =
    [
        "pricing practices", "the handling of customer data", "the treatment of customers in arrears",
        "climate disclosures", "outsourcing risks", "competition concerns",
    ];

    private static readonly string[] Remedies =
    [
        "automation", "artificial intelligence", "asset sales", "longer supplier contracts", "private credit",
        "price rises", "shared services",
    ];

    private static readonly string[] AnalystFirms =
    [
        "Greyline Partners", "Halden & Co", "Marlowe Research", "Castlegate Securities", "Brennan Analytics",
        "Tidewater Advisers", "Kingsbury Economics", "Aldgate Capital Markets",
    ];

    private static readonly string[] FirstNames =
        ["Anna", "Marcus", "Sofia", "Petros", "Claire", "Jonas", "Leila", "Tomas", "Helena", "Omar", "Greta", "Nikhil"];

    private static readonly string[] LastNames =
        ["Varga", "Lindgren", "Costa", "Demetriou", "Hughes", "Moreau", "Keller", "Nowak", "Rossi", "Aziz", "Brennan"];

    private static readonly string[] Roles =
        ["head of research", "senior analyst", "portfolio manager", "chief economist", "sector strategist"];

    private static readonly string[] Quotes =
    [
        "The numbers are better than feared, but the hard part of the year is still ahead of them.",
        "Everyone in the sector is fighting the same battle on costs. The winners will be the ones who keep investing through it.",
        "Investors want evidence rather than promises, and this was the first quarter that delivered some.",
        "Demand is holding up, but customers are far more careful about what they commit to.",
        "It is a sensible plan. Whether it is fast enough is another question.",
        "The balance sheet gives them room to manoeuvre that most of their rivals simply do not have.",
        "Nobody is pricing in a recovery yet, which is exactly why a good quarter moves the shares so much.",
        "Regulators have made it clear that the easy years are over for the whole industry.",
    ];

    private static readonly string[] Headings =
    [
        "What the company said", "The numbers", "Why it matters", "How investors reacted", "What analysts expect",
        "The regulatory picture", "Risks to the outlook", "Costs and margins", "Strategy", "The wider market",
        "Background", "What comes next",
    ];

    private static readonly string[] Kickers = ["Results", "Deals", "Analysis", "Markets", "Regulation"];

    /// <summary>Sentence templates dealt like cards, so a story repeats a sentence only after using every other one.</summary>
    private readonly Queue<int> sentenceDeck = new();

    public GeneratedStory Write()
    {
        var industry = random.Pick(Industries);
        var companies = random.PickDistinct(industry.Companies, 2);
        var cast = new Cast(
            companies[0],
            companies[1],
            industry,
            random.Pick(Regions),
            random.Pick(Periods),
            random.Pick(Tailwinds),
            random.Pick(Headwinds),
            random.Pick(Remedies),
            random.Pick(AnalystFirms),
            new Figures(
                RevenueRose: random.Next(4) != 0,
                RevenueChange: Percent(),
                ProfitRose: random.Next(2) == 0,
                ProfitChange: Percent(),
                Profit: Money(),
                NetDebt: Money(),
                Valuation: string.Create(CultureInfo.InvariantCulture, $"€{random.Next(12, 400) / 10.0:0.0}bn"),
                SharesRose: random.Next(2) == 0,
                SharesMove: Percent(),
                Employees: string.Create(CultureInfo.InvariantCulture, $"{random.Next(2, 60) * 500:N0}"),
                Countries: random.Next(10, 40),
                DividendCents: random.Next(5, 90)));

        sentenceDeck.Clear();
        var title = Title(cast);
        var kicker = random.Next(3) == 0 ? random.Pick(Kickers) : null;
        var summary = Summary(cast);
        return new GeneratedStory(title, kicker, summary, Body(cast));
    }

    private string Title(Cast cast) => random.Next(11) switch
    {
        0 => $"{cast.Company} raises full-year outlook on {cast.Tailwind}",
        1 => $"{cast.Company} cuts guidance, blaming {cast.Headwind}",
        2 => $"{Capitalised(cast.Industry.Plural)} brace for {cast.Headwind}",
        3 => $"{cast.Company} agrees {Money()} deal to buy {cast.Rival}",
        4 => $"Why {cast.Industry.Plural} are betting on {cast.Region}",
        5 => $"{cast.Company} shares {(cast.Figures.SharesRose ? "jump" : "slide")} {cast.Figures.SharesMove} after {cast.Period} update",
        6 => string.Create(CultureInfo.InvariantCulture, $"{cast.Company} to cut {random.Next(2, 40) * 50:N0} jobs in cost-saving drive"),
        7 => $"Regulators step up scrutiny of {cast.Industry.Plural} over {random.Pick(Issues)}",
        8 => $"{cast.Company} plans expansion in {cast.Region} as {cast.Industry.Plural} chase growth",
        9 => $"{Capitalised(cast.Industry.Plural)} turn to {cast.Remedy} to counter {cast.Headwind}",
        _ => $"{cast.Company} profit {(cast.Figures.ProfitRose ? "rises" : "falls")} {cast.Figures.ProfitChange} in {cast.Period}",
    };

    private string Summary(Cast cast) =>
        $"{cast.Company} said {cast.Headwind} and {cast.Tailwind} shaped its {cast.Period}, as {cast.Industry.Plural} "
        + $"across {cast.Region} adjust to a changing market. Analysts at {cast.AnalystFirm} said the figures "
        + $"{(random.Next(2) == 0 ? "were better than feared" : "left questions about the rest of the year")}.";

    /// <summary>
    /// Intro, then three or four sub-headed parts; each part writes paragraphs until the body has reached its share of a
    /// target length of about five kilobytes, so bodies vary a little in size but never by much.
    /// </summary>
    private string Body(Cast cast)
    {
        var target = TypicalBodyLength + random.Next(BodyLengthSpread);
        var headings = random.PickDistinct(Headings, random.Next(3, 5));
        var quoteAfter = random.Next(headings.Count);
        var listAfter = random.Next(2) == 0 ? random.Next(headings.Count) : -1;

        var markdown = new StringBuilder(target + 1_000);
        AppendParagraph(markdown, cast);
        AppendParagraph(markdown, cast);
        for (var part = 0; part < headings.Count; part++)
        {
            // Explicit "\n" rather than AppendLine: the same seed must give the same bytes on every operating system.
            markdown.Append("## ").Append(headings[part]).Append("\n\n");
            var partEnd = target * (part + 1) / headings.Count;
            do
            {
                AppendParagraph(markdown, cast);
            }
            while (markdown.Length < partEnd);

            if (part == quoteAfter)
            {
                AppendQuote(markdown, cast);
            }

            if (part == listAfter)
            {
                AppendList(markdown, cast);
            }
        }

        return markdown.ToString();
    }

    private void AppendParagraph(StringBuilder markdown, Cast cast)
    {
        var sentences = random.Next(4, 7);
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0)
            {
                markdown.Append(' ');
            }

            markdown.Append(Sentence(NextSentenceTemplate(), cast));
        }

        markdown.Append("\n\n");
    }

    private int NextSentenceTemplate()
    {
        if (sentenceDeck.Count == 0)
        {
            foreach (var template in random.PickDistinct(Enumerable.Range(0, SentenceTemplateCount).ToArray(), SentenceTemplateCount))
            {
                sentenceDeck.Enqueue(template);
            }
        }

        return sentenceDeck.Dequeue();
    }

    private void AppendQuote(StringBuilder markdown, Cast cast)
    {
        var person = $"{random.Pick(FirstNames)} {random.Pick(LastNames)}";
        markdown.Append("> \"").Append(random.Pick(Quotes)).Append("\"\n\n")
            .Append($"That was the view of {person}, {random.Pick(Roles)} at {cast.AnalystFirm}, ")
            .Append($"who has followed {cast.Industry.Plural} for more than a decade.\n\n");
    }

    private void AppendList(StringBuilder markdown, Cast cast)
    {
        var figures = cast.Figures;
        string[] points =
        [
            $"revenue {(figures.RevenueRose ? "up" : "down")} {figures.RevenueChange}",
            $"operating profit of {figures.Profit}, {(figures.ProfitRose ? "up" : "down")} {figures.ProfitChange}",
            $"net debt of {figures.NetDebt}",
            $"{random.Next(10, 40)} new contracts signed in {cast.Region}",
            $"full-year guidance {(random.Next(2) == 0 ? "confirmed" : "revised")}",
            $"investment of {Money()} planned over three years",
        ];

        markdown.Append($"Key points from the {cast.Period}:\n\n");
        foreach (var point in random.PickDistinct(points, random.Next(3, 5)))
        {
            markdown.Append("- ").Append(point).Append(";\n");
        }

        markdown.Append('\n');
    }

    private string Sentence(int template, Cast cast)
    {
        var figures = cast.Figures;
        return template switch
        {
            0 => $"{cast.Company} said revenue {(figures.RevenueRose ? "rose" : "fell")} {figures.RevenueChange} in the {cast.Period}, {(figures.RevenueRose ? "ahead of" : "short of")} the consensus forecast.",
            1 => $"Operating profit {(figures.ProfitRose ? "rose" : "fell")} {figures.ProfitChange} to {figures.Profit}.",
            2 => $"The group, which employs about {figures.Employees} people, operates in {figures.Countries} countries.",
            3 => $"Analysts at {cast.AnalystFirm} said the figures showed that {cast.Industry.Plural} were adapting faster than expected to {cast.Headwind}.",
            4 => $"Shares in {cast.Company} {(figures.SharesRose ? "rose" : "fell")} {figures.SharesMove} in early trading, valuing the business at about {figures.Valuation}.",
            5 => $"Management reiterated its target of cutting costs by {Money()} by the end of next year.",
            6 => $"{cast.Rival}, its closest competitor, reported a similar pattern last month.",
            7 => $"Demand in {cast.Region} has been particularly strong, helped by {cast.Tailwind}.",
            8 => "The company did not say how many jobs would be affected by its cost programme.",
            9 => "Investors have been waiting for evidence that the strategy set out last year is working.",
            10 => "Several large shareholders are understood to have pressed the board for a faster return of capital.",
            11 => $"Borrowing remains a concern: net debt stood at {figures.NetDebt} at the end of the {cast.Period}.",
            12 => $"The outlook for the rest of the year depends heavily on {cast.Headwind}, the company warned.",
            13 => "Rating agencies have so far left their assessments unchanged.",
            14 => $"{cast.Rival} is expected to report its own figures within weeks, which will show whether the trend is shared.",
            15 => $"Smaller {cast.Industry.Plural} have found it harder to pass higher costs on to customers.",
            16 => $"Competition authorities in {cast.Region} are reviewing how the sector sets its prices.",
            17 => $"The board proposed a dividend of {figures.DividendCents} cents a share.",
            18 => "Executives said the order book was the strongest it had been in three years.",
            19 => $"Industry data suggest that {cast.Industry.Measure} across {cast.Region} grew by {Percent()} last year.",
            20 => $"Some analysts remain sceptical, pointing to {cast.Headwind} as a risk to next year's forecasts.",
            21 => $"The company plans to invest {Money()} in new capacity over the next three years.",
            22 => $"It is also spending more on {cast.Remedy}, which it expects to lower costs over time.",
            23 => "Trading volumes in the shares were roughly twice the daily average.",
            24 => $"{cast.Company} has said it wants to grow further in {cast.Region}, where it already earns a large share of its revenue.",
            25 => "The chief executive told analysts on a call that pricing had held up better than expected.",
            26 => "Costs for energy, wages and materials have all risen faster than the company had planned for.",
            27 => $"Analysts at {cast.AnalystFirm} said the market had been too quick to dismiss the effect of {cast.Tailwind}.",
            28 => "Unions have asked for talks about the company's plans for its sites.",
            29 => $"The results come at a delicate time for {cast.Industry.Plural}, many of which refinanced their debt when rates were lower.",
            30 => "The finance director said the company had no plans to raise new equity.",
            _ => $"Customers in {cast.Region} have been quicker to sign longer contracts, giving the group better visibility of future income.",
        };
    }

    private string Percent() =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(5, 250) / 10.0:0.0} per cent");

    private string Money() => random.Next(3) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"€{random.Next(11, 90) / 10.0:0.0}bn")
        : string.Create(CultureInfo.InvariantCulture, $"€{random.Next(20, 990)}mn");

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record Cast(
        string Company,
        string Rival,
        Industry Industry,
        string Region,
        string Period,
        string Tailwind,
        string Headwind,
        string Remedy,
        string AnalystFirm,
        Figures Figures);

    /// <summary>The company's numbers, fixed for the whole story so that every mention of them agrees.</summary>
    private sealed record Figures(
        bool RevenueRose,
        string RevenueChange,
        bool ProfitRose,
        string ProfitChange,
        string Profit,
        string NetDebt,
        string Valuation,
        bool SharesRose,
        string SharesMove,
        string Employees,
        int Countries,
        int DividendCents);

    /// <param name="Measure">What the industry's trade data counts, as in "freight volumes grew".</param>
    private sealed record Industry(string Plural, string Measure, string[] Companies);
}
