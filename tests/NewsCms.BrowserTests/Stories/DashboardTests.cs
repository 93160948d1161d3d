namespace NewsCms.BrowserTests.Stories;

/// <summary>The dashboard: the newsroom's day at a glance, times in the editor's zone, and only what the role may see.</summary>
public sealed class DashboardTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task The_panels_show_drafts_review_schedule_today_breaking_applications_and_sign_ups()
    {
        var section = await server.CreateSectionAsync(NewsroomSeed.Unique("Economy"));
        var author = await server.CreateAuthorAsync(NewsroomSeed.Unique("Cy Dale"));
        var draft = await server.CreateStoryAsync(NewsroomSeed.Unique("Draft story"), section, author);
        var review = await server.MoveStoryAsync(await server.CreateStoryAsync(NewsroomSeed.Unique("Review story"), section, author), "submitArticleForReview");
        var scheduled = await server.MoveStoryAsync(
            await server.CreateStoryAsync(NewsroomSeed.Unique("Scheduled story"), section, author), "scheduleArticle", ", at: \"2030-07-01T12:00:00Z\"");
        var published = await server.MoveStoryAsync(await server.CreateStoryAsync(NewsroomSeed.Unique("Published story"), section, author), "publishArticle");
        var breaking = await server.CreateStoryAsync(NewsroomSeed.Unique("Breaking story"), section, author);
        var data = await server.GraphQLAsync(
            "mutation($id: ID!, $version: Int!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: $version, input: $input) { version } }",
            new
            {
                id = breaking.Id,
                version = breaking.Version,
                input = new { title = breaking.Title, slug = breaking.Title.ToLowerInvariant().Replace(' ', '-'), summary = "Now.", sectionId = section, authorIds = new[] { author }, isBreaking = true },
            });
        breaking = await server.MoveStoryAsync(breaking with { Version = data.GetProperty("updateArticle").GetProperty("version").GetInt32() }, "publishArticle");
        var held = await server.CreateStoryAsync(NewsroomSeed.Unique("Embargoed story"), section, author);
        var embargo = await server.GraphQLAsync(
            "mutation($id: ID!, $version: Int!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: $version, input: $input) { version } }",
            new
            {
                id = held.Id,
                version = held.Version,
                input = new { title = held.Title, slug = held.Title.ToLowerInvariant().Replace(' ', '-'), summary = "Later.", sectionId = section, authorIds = new[] { author }, embargoUntil = "2030-01-15T09:30:00Z" },
            });
        held = await server.MoveStoryAsync(held with { Version = embargo.GetProperty("updateArticle").GetProperty("version").GetInt32() }, "publishArticle");
        var applicant = NewsroomSeed.Unique("Dana Speaker");
        await server.GraphQLAsync(
            "mutation($input: SpeakerApplicationInput!) { applyToSpeak(input: $input) { received } }",
            new
            {
                input = new
                {
                    name = applicant, email = $"{Guid.NewGuid():N}@example.com", talkTitle = "Rates", @abstract = "About rates.", shortBio = "Economist.",
                    consentToContact = true,
                },
            },
            anonymous: true);
        await server.GraphQLAsync("mutation { subscribeToNewsletter(email: \"reader-dashboard@example.com\") { accepted } }", anonymous: true);

        var page = await browser.SignedInPageAsync(server, new StaffLogin(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator"));
        await page.OpenAsync("/admin");
        await Expect(Panel(page, "My drafts").GetByRole(AriaRole.Link, new() { Name = draft.Title })).ToHaveAttributeAsync("href", $"/admin/stories/{draft.DatabaseId}");
        await Expect(Panel(page, "Waiting for review").GetByRole(AriaRole.Link, new() { Name = review.Title })).ToBeVisibleAsync();
        // The browser sits in London: noon UTC on 1 July is 13:00 there, summer time.
        await Expect(Panel(page, "Scheduled").GetByRole(AriaRole.Listitem).Filter(new() { HasText = scheduled.Title }))
            .ToContainTextAsync("goes live 2030-07-01 13:00 UTC+01:00");
        await Expect(Panel(page, "Embargoed").GetByRole(AriaRole.Listitem).Filter(new() { HasText = held.Title }))
            .ToContainTextAsync("until 2030-01-15 09:30 UTC");
        await Expect(Panel(page, "Published today").GetByRole(AriaRole.Link, new() { Name = published.Title })).ToBeVisibleAsync();
        await Expect(Panel(page, "Published today").GetByRole(AriaRole.Link, new() { Name = held.Title })).ToHaveCountAsync(0);
        await Expect(Panel(page, "Breaking now").GetByRole(AriaRole.Link, new() { Name = breaking.Title })).ToBeVisibleAsync();
        await Expect(Panel(page, "Breaking now").GetByRole(AriaRole.Link, new() { Name = published.Title })).ToHaveCountAsync(0);
        await Expect(Panel(page, "New applications")).ToContainTextAsync(applicant);
        await Expect(page.GetByTestId("sign-ups-count")).ToHaveTextAsync("1");
        await page.CheckAccessibilityAsync("dashboard");

        // A writer's day: their own drafts, and nothing of partnerships' personal data.
        var writer = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Writer"));
        await writer.OpenAsync("/admin");
        await Expect(Panel(writer, "My drafts")).ToContainTextAsync("No drafts of yours.");
        await Expect(Panel(writer, "Waiting for review").GetByRole(AriaRole.Link, new() { Name = review.Title })).ToBeVisibleAsync();
        await Expect(writer.GetByRole(AriaRole.Heading, new() { Name = "New applications" })).ToHaveCountAsync(0);
        await Expect(writer.GetByRole(AriaRole.Heading, new() { Name = "Newsletter sign-ups this week" })).ToHaveCountAsync(0);
    }

    private static ILocator Panel(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
}
