using NewsCms.Core.Articles;

namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    /// <summary>Due out after seeding: the public side must hide it until its time comes.</summary>
    private static DemoArticle ScheduledSummitProgramme => new()
    {
        Slug = "scheduled-summit-programme-first-speakers",
        Title = "Summit programme: first speakers confirmed",
        Kicker = "Events",
        Summary = "The first sessions of this year's business summit cover AI at work, account security and the future "
            + "of payments.",
        SectionSlug = "events",
        AuthorSlugs = ["elena-markou"],
        TagSlugs = ["conferences", "artificial-intelligence"],
        Status = ArticleStatus.Scheduled,
        PublishedRelativeToNow = TimeSpan.FromDays(2),
        Markdown = """
            The first speakers for this year's annual business summit have been confirmed, with sessions on artificial intelligence at work, account security and the future of payments.

            ## Opening session

            The summit opens with a debate on how companies should share the gains from automation between shareholders, staff and customers, chaired by our business editor.

            ## Highlights of the programme

            - a founders' panel on funding beyond venture capital;
            - a workshop on moving a customer base to passkeys without flooding the help desk;
            - a briefing on what Europe's AI rules mean for mid-sized firms.

            > "We wanted a programme that people can act on the next morning."

            That is how the chair of the programme committee describes this year's line-up.

            Tickets go on sale with the full programme, and subscribers to our weekly newsletter will receive early booking details.
            """,
    };
}
