namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle AiDefenceTalks => new()
    {
        Slug = "ai-developer-reopens-defence-talks",
        Title = "AI developer reopens talks with defence officials days after usage-rules deal collapsed",
        Kicker = "Breaking news",
        Summary = "Aldermoor AI and the US Department of Defense are back at the table after falling out over a clause "
            + "that limits how the military may use the company's models to analyse bulk data.",
        MetaDescription = "Aldermoor AI has resumed negotiations with US defence officials over rules for military use of "
            + "its AI models, less than a week after talks broke down.",
        SectionSlug = "technology",
        AuthorSlugs = ["clara-okafor", "priya-raman"],
        TagSlugs = ["artificial-intelligence", "defence", "public-procurement"],
        PublishedRelativeToNow = TimeSpan.FromMinutes(-40),
        BreakingFor = TimeSpan.FromHours(6),
        Markdown = """
            Aldermoor AI has returned to the negotiating table with the US Department of Defense, less than a week after talks over how the military may use the company's language models broke down without agreement.

            People familiar with the discussions said senior executives from the San Francisco-based developer had resumed contact with officials in the department's research and engineering office, and that both sides were exploring a narrower set of usage rules that could allow a contract to be signed before the end of the quarter.

            ## Why the first round failed

            The earlier negotiations foundered on a single clause. Aldermoor's standard government licence bars customers from using its models to sift bulk data collected about people who are not the subject of an investigation, and from building systems that select targets without a human decision. Defence officials argued that the first restriction was drafted so broadly that it would rule out routine intelligence analysis, including work on data the department already holds lawfully.

            > "Nobody disputes the principle. The argument is about who decides what counts as bulk analysis: the vendor or the customer."

            The remark came from a person briefed on the talks, who asked not to be named because the negotiations are confidential.

            ## What is at stake

            For Aldermoor, the contract matters for revenue and for reputation. The company already supplies models to several civilian agencies, and a defence agreement would be among the largest public-sector deals yet signed by an AI developer. Analysts estimate that government work could account for a fifth of its revenue within three years.

            For the department, the question is speed. Officials have said publicly that they want commercial AI tools inside classified networks as quickly as possible, and that they would rather not depend on a single supplier. A rival developer signed a separate agreement earlier this year on terms that have not been disclosed, which puts pressure on Aldermoor not to be left behind.

            ## The options on the table

            According to two people with knowledge of the proposals, the sides are discussing:

            - a written definition of bulk analysis, replacing the open-ended wording in the current licence;
            - an independent review panel that would rule on disputed uses within a fixed deadline;
            - a commitment that no Aldermoor model would be used to make lethal decisions without human sign-off;
            - a shorter initial term, so that both sides can revisit the rules once the systems are in service.

            ## Political pressure builds

            The talks are taking place against a noisy backdrop. Several lawmakers have criticised the company for what they describe as an attempt to set military policy from a boardroom, while civil liberties groups have urged it not to weaken its safeguards. Investors have mostly stayed quiet, although one large shareholder is understood to have asked the board for a briefing.

            "The commercial logic and the ethical logic are pulling in the same direction for once," said Marta Kovac, a defence technology analyst at the research firm Greyline Partners. "Clear rules are easier to sell to the next government customer than vague ones."

            ## What happens next

            Neither Aldermoor nor the department commented on the resumed talks. People close to the negotiations cautioned that an agreement was not guaranteed and that the gap on data analysis remained wide. A further round of meetings is expected before the end of the week.

            *This story is developing and will be updated.*
            """,
    };
}
