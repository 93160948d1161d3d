namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle AiRulesCompliance => new()
    {
        Slug = "ai-rules-paperwork-test-for-mid-sized-firms",
        Title = "AI rules move from principle to paperwork, and mid-sized firms are not ready",
        Kicker = "Regulation",
        Summary = "Europe's artificial intelligence rulebook puts duties on the businesses that use high-risk systems, not "
            + "only on those that build them. Many mid-sized companies have yet to take stock.",
        MetaDescription = "What the EU's AI rules mean for insurers, lenders, recruiters and manufacturers that deploy "
            + "AI systems they did not build, and the first steps advisers recommend.",
        SectionSlug = "policy",
        AuthorSlugs = ["priya-raman", "clara-okafor"],
        TagSlugs = ["regulation", "artificial-intelligence", "european-union"],
        PublishedRelativeToNow = TimeSpan.FromDays(-3),
        Markdown = """
            When European lawmakers agreed the bloc's artificial intelligence rulebook, most of the public debate was about chatbots, facial recognition and the largest technology groups. As the obligations phase in, the companies feeling the pressure are rather more ordinary: insurers, recruiters, lenders and manufacturers that use AI systems they did not build themselves.

            ## Who is affected

            The rules sort uses of AI by risk. Most everyday tools, from spam filters to demand forecasting, face few or no new duties. A smaller group of high-risk uses, including systems that help decide who gets a job, a loan or an insurance policy, carry the heaviest obligations.

            Crucially, many of those obligations fall not only on the developers of such systems but on the businesses that deploy them. A mid-sized lender using a bought-in credit scoring model is expected to understand how it is used, keep records, make sure that staff can oversee its decisions and tell customers when AI is involved.

            ## The compliance gap

            Surveys by industry associations suggest that many companies have not yet catalogued which AI systems they use, let alone classified them. Compliance advisers describe a familiar pattern:

            1. a large organisation builds an inventory, appoints a responsible executive and writes policies;
            2. a mid-sized organisation assumes that its software suppliers will handle compliance;
            3. a small organisation has not yet realised that the rules apply to it.

            > "The second group worries me most. They are big enough to use high-risk systems at scale, and they are relying on contracts that were never written with these rules in mind."

            That warning comes from Helena Sarris, a technology lawyer based in Nicosia, who says supplier contracts are the first thing her clients should review.

            ## What firms should do now

            Advisers broadly agree on the first steps:

            - list every AI system in use, including features quietly switched on inside existing software;
            - decide which of those systems fall into a high-risk category;
            - ask suppliers for the technical documentation needed to meet the company's own duties;
            - train the staff who review automated decisions, and record that the training happened.

            Cost is a common worry. For most mid-sized firms the bill is driven less by new technology than by people's time: mapping systems, rewriting procedures and negotiating with suppliers. Spread over a year or two, advisers say, that is manageable.

            ## A moving target

            The picture is complicated by continuing talks in Brussels about simplifying parts of the digital rulebook, which some business groups hope will delay or soften the deadlines. Lawyers caution against waiting. Guidance may change in detail, but the core duties, to know which systems you use and to keep people in charge of important decisions, are unlikely to disappear.

            The cost of discovering a gap during a regulator's inquiry, or in a dispute with a customer who was refused credit, is likely to be far higher than the cost of preparing now.
            """,
    };
}
