namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle InstantPaymentsExplainer => new()
    {
        Slug = "instant-euro-payments-small-exporters-cash-flow",
        Title = "Paid in seconds: what instant euro transfers mean for small exporters",
        Kicker = "Partner content",
        Summary = "Instant transfers that arrive within seconds, at any hour, are becoming standard across the euro area. "
            + "For small businesses the real prize is working capital, not speed for its own sake.",
        MetaDescription = "How instant euro payments and payee name checks change cash flow, supplier terms and fraud risk "
            + "for small exporting businesses.",
        SectionSlug = "fintech",
        AuthorSlugs = ["elena-markou"],
        TagSlugs = ["payments", "fintech", "small-business"],
        PublishedRelativeToNow = TimeSpan.FromHours(-30),
        SponsorSlug = "ecredo",
        SponsorDisclosure = "Sponsored by eCredo. This explainer was paid for by eCredo; the business desk chose the subject "
            + "and kept full editorial control.",
        Markdown = """
            For most of the history of European banking, a payment sent on a Friday afternoon arrived on Monday. For a small exporter waiting on a customer in another country, those days were not a technicality: they meant money tied up, invoices chased and, sometimes, an overdraft paid for.

            That is changing quickly. Instant euro transfers, which arrive within about ten seconds at any hour of any day, have gone from a premium extra to something customers can expect as standard.

            ## What has changed

            Rules adopted by the European Union in 2024 require banks and payment institutions in the euro area to let customers send and receive instant transfers, and to charge no more for them than for an ordinary transfer. Providers must also check that the name of the person or company being paid matches the account number before the money leaves, a safeguard aimed squarely at invoice fraud.

            For businesses, three practical changes follow:

            - money from customers can be available the moment it is paid, including at weekends;
            - suppliers can be paid on the day goods arrive, which can be a bargaining chip on price;
            - a name mismatch is flagged before a payment is sent, rather than discovered weeks later.

            ## Why cash flow is the real story

            Speed matters less for its own sake than for what it does to working capital. A company that is paid three days sooner needs three days less financing.

            > "We used to keep about two weeks of costs in the account just to cover payments in transit. Now we keep a few days, and the rest goes into stock."

            That is how Andreas Petrou, who runs a family olive oil business selling to delicatessens in Germany and the Netherlands, describes the change. The bigger surprise, he says, was how much time his two-person finance team stopped spending on matching late payments to invoices.

            ## What to ask your provider

            Not every account is set up the same way, and the detail matters. Before relying on instant payments, finance teams should check:

            | Question | Why it matters |
            |:---------|:---------------|
            | Are incoming and outgoing instant transfers both enabled? | Some accounts receive instantly but still send in batches. |
            | What limits apply per payment and per day? | Low default limits can stop a large supplier payment at the worst moment. |
            | How are name-check warnings handled? | Staff need a clear rule for when a mismatch may be overridden, and by whom. |
            | Can the accounting system see payments in real time? | Instant money is only useful if the books see it instantly too. |

            Payment providers, including [eCredo](https://example.com/sponsors/ecredo), which sponsored this explainer, increasingly let businesses manage their own limits and name-check settings online rather than through a branch or a relationship manager.

            ## The risks do not disappear

            Instant also means irreversible. A payment sent to a fraudster arrives as quickly as one sent to a supplier, and it is just as hard to recall. The name check helps, but it cannot stop an employee who has been persuaded to pay a "new" account by someone posing as a supplier.

            The advice from fraud specialists is unchanged: confirm any change of bank details by telephone, using a number you already hold, and never on the strength of an email alone.

            ## The bottom line

            Instant payments will not win a small exporter new customers on their own. But they shorten the gap between doing the work and having the money, and for a business living on thin margins that can be the difference between ordering more stock and waiting.
            """,
    };
}
