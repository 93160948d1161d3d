namespace NewsCms.Core.Seeding;

internal static partial class DemoArticles
{
    private static DemoArticle PasskeysAdoption => new()
    {
        Slug = "passkeys-big-consumer-apps-slow-to-switch",
        Title = "Passkeys have won the security argument. Why are big consumer apps still waiting?",
        Kicker = "Cybersecurity",
        Summary = "Phishing-resistant passkeys are built into every major phone and computer, yet some of the most popular "
            + "entertainment and social apps still ask for a password. The reasons are more commercial than technical.",
        MetaDescription = "Passkeys stop phishing and password reuse, but adoption among the largest consumer apps remains "
            + "patchy. We look at why companies hesitate and what it costs them.",
        SectionSlug = "cybersecurity",
        AuthorSlugs = ["nikos-theodorou"],
        TagSlugs = ["passkeys", "phishing", "consumer-apps"],
        PublishedRelativeToNow = TimeSpan.FromHours(-5),
        Markdown = """
            Ask a security team how people should sign in to an online account and the answer is now almost unanimous: with a passkey. The technology, backed by the industry body that sets authentication standards and built into every major phone and computer operating system, removes the password from the login altogether. Yet a surprising number of the apps people open every day still do not offer it.

            ## What a passkey actually is

            A passkey is a pair of cryptographic keys. The private half never leaves the user's device or password manager; the public half is stored by the website or app. When the user signs in, the device proves that it holds the private key, usually after a fingerprint, a face scan or a device PIN.

            That design has three consequences that matter to businesses:

            1. There is no shared secret for attackers to steal from a server, because the site only ever holds the public key.
            2. A passkey is tied to the domain it was created for, so a convincing fake login page simply cannot use it. Phishing, the most common route into accounts, stops working.
            3. There is nothing for users to reuse across sites, which ends the chain reaction that follows every large password leak.

            ## The laggards

            Operating system vendors moved first, and many banks, retailers and email providers have followed. Adoption among the largest entertainment, social and music apps is patchier. Some offer passkeys only on certain platforms, or only when an account is linked to another service from the same group; others have said nothing at all.

            Security researchers have started to publish lists of popular services that still lack support, betting that public comparison will achieve what years of technical advice did not.

            > "No product manager wants to explain why their app is the one still asking for a password. Naming and shaming works because it turns a security feature into a brand problem."

            That is the view of Irena Vass, who leads identity research at the consultancy Northgate Security, and who argues that the commercial case is stronger than many boards realise.

            ## Why companies hesitate

            The reasons for delay are rarely technical. Engineers at two large consumer platforms, speaking privately, pointed to:

            - **Account recovery.** If a user loses every device holding a passkey, the company still needs a safe way back in, and recovery flows are exactly where fraudsters concentrate.
            - **Support costs.** A new sign-in method means new help pages, new scripts for customer service and, at first, more calls.
            - **Shared accounts.** Households often share a streaming login, and passkeys make that harder by design.
            - **Competing priorities.** Growth teams own the sign-up and sign-in screens, and they are wary of anything that might add a step.

            ## The business case

            The counter-argument is financial. Account takeover fuels refund fraud, fake reviews and spam, and every compromised account costs money in support time and lost trust. Companies that have switched report fewer password resets and faster sign-ins, which helps conversion rather than hurting it.

            Regulators are paying attention too. European payment rules already require strong customer authentication for many transactions, and supervisors increasingly treat phishing-resistant login as the expected standard rather than a welcome extra.

            The debate, in other words, has moved on from whether passkeys work. The question now is how long the biggest consumer brands can afford to be the last ones asking for a password.
            """,
    };
}
