using NewsCms.Core.Articles;

namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    /// <summary>Unfinished on purpose: the public side must never show it.</summary>
    private static DemoArticle DraftBankResults => new()
    {
        Slug = "draft-bank-results-what-to-watch",
        Title = "Bank results: what to watch as lenders report",
        Summary = "Europe's largest banks report quarterly figures next week. Margins, bad loans and buybacks are in focus.",
        SectionSlug = "markets",
        AuthorSlugs = ["daniel-ashworth"],
        TagSlugs = ["interest-rates"],
        Status = ArticleStatus.Draft,
        Markdown = """
            Europe's largest lenders begin reporting quarterly results next week, and for the first time in two years the main question is not how much they earned from higher interest rates, but how quickly that windfall fades.

            ## Margins under pressure

            Net interest margins, the gap between what banks earn on loans and what they pay on deposits, widened sharply as rates rose. With cuts now expected, analysts will look for signs of how much of that gain each bank can hold on to.

            > "The winners this season will be the banks that locked in returns on their bond portfolios while yields were high." [attribution to come]

            ## What else to watch

            - provisions for bad loans, especially on commercial property;
            - cost cutting and branch closures;
            - plans for share buybacks and dividends.

            *Editor's note: add the results calendar and consensus forecasts before publication.*
            """,
    };
}
