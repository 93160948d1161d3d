namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle RevenueBasedFinance => new()
    {
        Slug = "founders-turn-to-revenue-based-finance",
        Title = "Founders turn to revenue-based finance as venture rounds take longer to close",
        Kicker = "Funding",
        Summary = "With equity rounds dragging on for months, software founders are borrowing against their own sales "
            + "to keep growing without giving away more of their companies.",
        SectionSlug = "startups",
        AuthorSlugs = ["sofia-lindqvist"],
        TagSlugs = ["venture-capital", "small-business"],
        PublishedRelativeToNow = TimeSpan.FromHours(-51),
        Markdown = """
            Raising a venture round has rarely been easy, but for founders of software companies outside the artificial intelligence boom it has become a marathon. Rounds that used to close in six weeks now take four or five months, investors ask for more proof of revenue, and valuations are often flat on the previous round.

            A growing number of founders are responding by borrowing against their own sales instead.

            ## How revenue-based finance works

            The idea is simple. A lender advances a sum, typically a few months of recurring revenue, and the company repays it as a fixed share of its monthly income until an agreed total has been returned. No equity changes hands, there is no board seat and, in most cases, no personal guarantee.

            Compared with a bank loan, the appeal is flexibility: in a slow month the repayment falls, in a strong month the debt is cleared faster. Compared with venture capital, the appeal is control.

            > "Every founder I speak to does the same sum. Is a fee of ten or fifteen per cent cheaper than giving up another eight per cent of the company? At the moment the answer is usually yes."

            That is the view of Jonas Ekberg, a former founder who now advises startups in the Nordic countries on how to finance themselves.

            ## Who is lending

            Specialist lenders in London, Berlin and Stockholm have grown quickly, and several now connect directly to a company's bank account and billing software to decide within days how much they will advance. Some venture debt funds have launched similar products for larger companies.

            Their customers tend to share a profile:

            - recurring revenue from subscriptions or contracts, usually above a few hundred thousand euros a year;
            - gross margins high enough to absorb the repayments;
            - a clear use for the money, such as marketing, hiring sales staff or buying inventory ahead of a busy season.

            ## The catches

            Revenue-based finance is not cheap once its fees are expressed as an annual rate, particularly when the advance is repaid quickly. It also takes a slice of cash every month, which can starve a company that needs to invest in product development rather than sales.

            Nor is it a substitute for equity in every case. Companies that still lose money on each customer, or that need years of research before they can sell anything, remain firmly in venture capital territory.

            ## Why it matters for the wider market

            For investors, the rise of funding that does not dilute shareholders is a mixed blessing. Founders who have borrowed to grow often return to the equity market with stronger numbers and a higher valuation. But some of the best companies may never need a large round at all, which leaves venture funds competing harder for a smaller number of deals.

            For now, advisers say, the healthiest founders treat the two as complements: debt for predictable growth, equity for the bets that might not pay off.
            """,
    };
}
