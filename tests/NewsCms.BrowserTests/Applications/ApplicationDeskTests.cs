namespace NewsCms.BrowserTests.Applications;

/// <summary>The applications desk: a public application reviewed end to end by the partnerships team.</summary>
public sealed class ApplicationDeskTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task The_partnerships_team_reviews_a_partner_application_and_makes_a_sponsor_of_it()
    {
        await server.GraphQLAsync(
            "mutation($input: PartnerApplicationInput!) { applyToPartner(input: $input) { received } }",
            new
            {
                input = new
                {
                    company = "Fabrikam Media",
                    contactName = "Lena Fischer",
                    email = "lena@fabrikam.example",
                    website = "https://fabrikam.example",
                    kind = "MEDIA_PARTNERSHIP",
                    message = "We would like to partner on the spring summit.",
                    consentToContact = true,
                },
            },
            anonymous: true);
        var reviewer = await server.CreateStaffAsync("Partnerships");
        var page = await browser.SignedInPageAsync(server, reviewer);

        await page.OpenAsync("/admin/applications");
        await page.GetByLabel("Status").SelectOptionAsync("New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("tr[data-application]")).ToHaveCountAsync(1);
        await page.CheckAccessibilityAsync("applications");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fabrikam Media" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/applications/", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fabrikam Media");

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Assigned to you.");
        await Expect(page.Locator("[data-reviewer]")).ToHaveTextAsync(reviewer.Email);
        await page.GetByLabel("New note").FillAsync("Strong fit for the spring summit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added.");
        await Expect(page.Locator("ol.notes")).ToContainTextAsync("Strong fit for the spring summit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved to In review.");
        await page.CheckAccessibilityAsync("application-detail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and make a sponsor" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Accepted; “Fabrikam Media” is now a sponsor.");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Accepted");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept and make a sponsor" })).ToHaveCountAsync(0);
        var data = await server.GraphQLAsync(
            "{ partnerApplications(status: ACCEPTED) { nodes { company reviewerEmail notes { text authorEmail } } } allSponsors { slug websiteUrl } }");
        var accepted = Assert.Single(data.GetProperty("partnerApplications").GetProperty("nodes").EnumerateArray().ToList());
        Assert.Equal(("Fabrikam Media", reviewer.Email), (accepted.GetProperty("company").GetString(), accepted.GetProperty("reviewerEmail").GetString()));
        var note = Assert.Single(accepted.GetProperty("notes").EnumerateArray().ToList());
        Assert.Equal(("Strong fit for the spring summit.", reviewer.Email), (note.GetProperty("text").GetString(), note.GetProperty("authorEmail").GetString()));
        var sponsor = Assert.Single(data.GetProperty("allSponsors").EnumerateArray().ToList());
        Assert.Equal(("fabrikam-media", "https://fabrikam.example"), (sponsor.GetProperty("slug").GetString(), sponsor.GetProperty("websiteUrl").GetString()));
    }

    [Fact]
    public async Task A_speaker_application_is_in_the_speakers_inbox_and_a_writer_is_refused_the_desk()
    {
        await server.GraphQLAsync(
            "mutation($input: SpeakerApplicationInput!) { applyToSpeak(input: $input) { received } }",
            new
            {
                input = new
                {
                    name = "Omar Haddad",
                    email = "omar@speakers.example",
                    talkTitle = "Settlement in real time",
                    @abstract = "What instant payments change for treasury teams.",
                    shortBio = "Treasury lead at a regional bank.",
                    consentToContact = true,
                },
            },
            anonymous: true);
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Partnerships"));

        await page.OpenAsync("/admin/applications");
        await page.GetByLabel("Kind").SelectOptionAsync("Speaker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settlement in real time" })).ToBeVisibleAsync();

        var writer = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Writer"));
        await writer.OpenAsync("/admin/applications");
        await Expect(writer.GetByRole(AriaRole.Alert)).ToHaveAttributeAsync("data-code", "Forbidden");
        await Expect(writer.Locator("tr[data-application]")).ToHaveCountAsync(0);
    }
}
