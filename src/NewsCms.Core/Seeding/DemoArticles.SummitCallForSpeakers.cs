namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle SummitCallForSpeakers => new()
    {
        Slug = "business-summit-opens-call-for-speakers-and-partners",
        Title = "Our annual business summit opens its call for speakers and partners",
        Kicker = "Events",
        Summary = "Proposals are invited on four themes: AI at work, security by default, money in motion and building "
            + "for the next decade. Partners can apply now as well.",
        SectionSlug = "events",
        AuthorSlugs = ["elena-markou"],
        TagSlugs = ["conferences"],
        PublishedRelativeToNow = TimeSpan.FromDays(-6),
        Markdown = """
            Applications are now open for speakers and partners at this year's annual business summit, which brings together founders, executives, investors and policymakers for a day of debate about the forces reshaping the regional economy.

            ## This year's themes

            The programme committee has settled on four themes, chosen after a survey of readers and of last year's delegates:

            - **AI at work**: what companies have learned from putting artificial intelligence into everyday operations, and what it has cost them;
            - **Security by default**: why phishing-resistant logins, including passkeys, have become a board-level issue;
            - **Money in motion**: instant payments, digital banking and the changing relationship between businesses and their banks;
            - **Building for the next decade**: property, energy and infrastructure in a period of dearer borrowing.

            ## Become a speaker

            We are looking for people with something specific to say. The strongest proposals in past years have come from practitioners describing a decision they made, what happened and what they would do differently, rather than from general presentations about a product.

            > "Our audience can spot a sales pitch in the first minute. What they remember is the operations director who explains, with numbers, why a project went wrong and how it was rescued."

            That is the advice of the chair of the programme committee, who reviews every proposal alongside our editors. Proposals should include a short summary of the talk, the speaker's role and any data the audience would see.

            ## Become a partner

            Partners support the summit and help to keep ticket prices within reach of smaller companies and startups. Packages range from sponsoring a single session to the headline partnership, and every partner appears in the event programme and in the sponsor strip on our website.

            Editorial independence is not for sale. Partners do not choose speakers or panel topics, and our journalists moderate the main sessions. Any session led by a partner is labelled as such in the programme.

            ## How to apply

            1. Choose the form that fits you: speaker or partner.
            2. Tell us about your organisation and what you would bring to the audience.
            3. Our events team will reply within ten working days.

            Readers who want the full programme as soon as it is published can subscribe to our weekly newsletter, which will carry the first speaker announcements and early booking details.
            """,
    };
}
