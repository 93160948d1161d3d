namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle MarketsWeek => new()
    {
        Slug = "markets-week-shares-edge-higher-as-bond-yields-ease",
        Title = "Shares edge higher as bond yields ease before central bank decisions",
        Kicker = "Markets week",
        Summary = "Softer inflation data pulled government bond yields lower and lifted rate-sensitive stocks, while oil "
            + "fell for a second week and gold extended its run.",
        SectionSlug = "markets",
        AuthorSlugs = ["daniel-ashworth"],
        TagSlugs = ["interest-rates", "commodities"],
        PublishedRelativeToNow = TimeSpan.FromHours(-22),
        Markdown = """
            European and US shares finished the week modestly higher as government bond yields slipped, with investors betting that the next moves by the big central banks will be cuts rather than rises. Oil fell for a second week on signs that supply is running ahead of demand.

            ## The week in numbers

            | Market | Close | Week change |
            |:-------|------:|------------:|
            | European shares, broad index | 512.4 | +1.1% |
            | US large caps | 5,842 | +0.6% |
            | Japanese shares | 38,910 | -0.4% |
            | German 10-year yield | 2.31% | -0.08 pts |
            | US 10-year yield | 4.12% | -0.11 pts |
            | Brent crude, $ a barrel | 74.60 | -2.3% |
            | Gold, $ an ounce | 2,655 | +0.9% |
            | Euro in dollars | 1.087 | +0.4% |

            Closing levels on Friday; changes in yields are in percentage points.

            ## Bonds set the tone

            The most important move of the week came in the bond market. Softer-than-expected inflation figures in the euro area and a cooling US labour market pulled ten-year yields lower on both sides of the Atlantic, and futures markets now price at least two rate cuts in each economy over the next twelve months.

            Lower yields helped the sectors most sensitive to borrowing costs. Property companies, utilities and housebuilders led the gains in Europe, while banks lagged as investors worried that cheaper money would squeeze the gap between what lenders pay on deposits and what they earn on loans.

            > "The market has stopped asking whether rates will fall and started asking how far. That is a friendlier question for equities, but it leaves little room for disappointment."

            So said Tomas Brandt, chief investment officer at the wealth manager Halden & Co. He added that positioning looked stretched in technology stocks, where a handful of large companies account for most of this year's gains.

            ## Oil slides, gold gains

            Brent crude lost more than 2 per cent over the week. Inventories have risen faster than traders expected and several producers have signalled that they intend to pump more. Airlines and chemicals groups, which both benefit from cheaper fuel and feedstock, were among the week's winners.

            Gold moved the other way, rising for a third straight week. Falling yields reduce the cost of holding an asset that pays no interest, and steady buying by central banks has provided a floor under the price.

            ## What to watch next week

            - **Central bank meetings.** Both the European Central Bank and the US Federal Reserve announce decisions; the tone of their statements will matter more than the decisions themselves.
            - **Bank results.** The first large European lenders report quarterly earnings, with the outlook for lending margins in focus.
            - **Business surveys.** Early readings of purchasing managers' indices will show whether the slowdown in manufacturing is spreading to services.

            Currency traders will also be watching the euro, which touched its strongest level against the dollar in two months. A sustained rise would weigh on exporters' earnings just as many of them prepare their guidance for the coming year.
            """,
    };
}
