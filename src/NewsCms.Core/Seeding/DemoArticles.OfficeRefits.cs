namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle OfficeRefits => new()
    {
        Slug = "office-landlords-bet-on-refits",
        Title = "Office landlords bet on refits as tenants trade space for quality",
        Kicker = "Commercial property",
        Summary = "Modern, efficient offices are filling up while older blocks struggle to find tenants. Landlords in the "
            + "middle must choose between refurbishing, converting and selling.",
        SectionSlug = "property",
        AuthorSlugs = ["elena-markou", "daniel-ashworth"],
        TagSlugs = ["commercial-property", "sustainability", "interest-rates"],
        PublishedRelativeToNow = TimeSpan.FromHours(-98),
        Markdown = """
            The office market has split in two. Buildings that are modern, energy-efficient and close to public transport are filling up, sometimes at record rents. Older blocks with poor energy ratings are struggling to find tenants at any price. For landlords caught in the middle, the question is whether to refurbish, convert or sell.

            ## Smaller, better, greener

            Companies that renewed leases over the past year have typically taken less space than before, reflecting hybrid working patterns that now look permanent. But many have traded up on quality, paying more per square metre for better air, better light and better energy performance.

            Letting agents say the reasons are practical rather than fashionable. Employers want offices that staff choose to visit, and many have made public commitments on emissions that rule out inefficient buildings.

            > "Tenants have stopped asking how many desks they can fit. They ask what the energy certificate says and how long it takes to walk from the station."

            That was the summary of Katerina Loizou, head of office leasing at a regional property consultancy.

            ## The economics of a refit

            A deep refurbishment is expensive, but it is usually cheaper and quicker than demolishing and rebuilding, and it avoids much of the carbon released by new construction. Landlords typically weigh three routes:

            - **Light refurbishment.** New services and finishes, often within six to nine months, with the risk that the building still falls short of tenants' energy requirements.
            - **Deep retrofit.** A new facade, heating and cooling, often taking eighteen months or more; the most expensive option, but the one with the best chance of premium rents.
            - **Conversion.** Turning offices into homes, hotels or student housing, where planning rules and floor plans often decide whether it is possible at all.

            Easing interest rates have improved the arithmetic. Cheaper borrowing makes it easier to justify spending now for higher rents later, and several lenders have launched green loans whose pricing rewards a building's improved energy rating.

            ## Where the pressure is greatest

            Secondary locations face the hardest choices. In city centres, strong demand for the best space means that a refit can pay for itself. In business parks on the edge of town, rents may never rise far enough to cover the cost, and conversion or a sale to an owner-occupier may be the only way out.

            Banks are watching closely. Loans secured on older offices make up a meaningful share of many commercial property portfolios, and lenders have become more cautious about refinancing buildings that will need heavy investment to remain lettable.

            ## What comes next

            Agents expect the gap between the best buildings and the rest to widen further before it narrows. Landlords who move early will compete for a limited pool of tenants willing to pay for quality; those who wait may find the decision made for them by falling valuations.
            """,
    };
}
