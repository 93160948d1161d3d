using System.Text;

namespace NewsCms.BrowserTests.Stories;

/// <summary>The stories desk: search, filters and keyset pages over the same list the API gives staff.</summary>
public sealed class StoryListTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Searching_filtering_and_paging_find_each_story_once_and_link_to_its_editor()
    {
        var prefix = NewsroomSeed.Unique("tide");
        var markets = await server.CreateSectionAsync(NewsroomSeed.Unique("Markets"));
        var energy = await server.CreateSectionAsync(NewsroomSeed.Unique("Energy"));
        var author = await server.CreateAuthorAsync(NewsroomSeed.Unique("Ada Lane"));
        var drafts = await CreateStoriesAsync(prefix, 23, markets);
        var inReview = new List<SeededStory>();
        for (var i = 0; i < 3; i++)
        {
            var story = await server.CreateStoryAsync($"{prefix} review {i}", energy, author);
            inReview.Add(await server.MoveStoryAsync(story, "submitArticleForReview"));
        }

        var page = await browser.SignedInPageAsync(server, new StaffLogin(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator"));
        await page.OpenAsync("/admin/stories?size=10");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New story" })).ToHaveAttributeAsync("href", "/admin/stories/new");

        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(prefix.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        var titles = rows.Locator("td:first-child a");
        // Newest save first, every story exactly once across the pages.
        var expected = drafts.Concat(inReview).Select(s => s.Title).Reverse().ToList();
        var seen = new List<string>();
        foreach (var (number, size) in new[] { (1, 10), (2, 10), (3, 6) })
        {
            if (number > 1)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
            }

            // The counter and the rows change in one render: once both show this page, the rows can be read.
            await Expect(page.GetByText($"Page {number}", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(titles.First).ToHaveTextAsync(expected[(number - 1) * 10]);
            await Expect(rows).ToHaveCountAsync(size);
            seen.AddRange(await titles.AllInnerTextsAsync());
        }

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();

        Assert.Equal(expected, seen);

        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(page.GetByText("Page 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(titles.First).ToHaveTextAsync(expected[10]);

        await page.GetByLabel("Status").SelectOptionAsync("InReview");
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Value = NewsroomSeed.DatabaseIdOf(energy).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("Page 1", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Locator("td:nth-child(2)").First).ToHaveTextAsync("In review");

        await page.GetByLabel("Status").SelectOptionAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("No story matches.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await page.GetByLabel("Author").SelectOptionAsync(new SelectOptionValue { Value = NewsroomSeed.DatabaseIdOf(author).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await page.CheckAccessibilityAsync("stories");

        var first = rows.First.Locator("td:first-child a");
        await Expect(first).ToHaveAttributeAsync("href", $"/admin/stories/{inReview[^1].DatabaseId}");
    }

    [Fact]
    public async Task A_date_range_keeps_the_stories_saved_on_those_days_in_the_editors_zone()
    {
        var prefix = NewsroomSeed.Unique("dated");
        await CreateStoriesAsync(prefix, 2, null);
        var page = await browser.SignedInPageAsync(server, new StaffLogin(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator"));
        await page.OpenAsync("/admin/stories");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(prefix);
        var today = DateTime.UtcNow;
        await page.GetByLabel("Saved from").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Saved until").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);

        await page.GetByLabel("Saved from").FillAsync(today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Saved until").FillAsync(today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("No story matches.")).ToBeVisibleAsync();
    }

    /// <summary>Drafts saved one after another, in one request so the seeding costs one round trip.</summary>
    private async Task<List<SeededStory>> CreateStoriesAsync(string prefix, int count, string? sectionId)
    {
        var document = new StringBuilder("mutation($section: ID) {");
        for (var i = 0; i < count; i++)
        {
            document.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" s{i}: createArticle(input: {{ title: \"{prefix} story {i:D2}\", slug: \"{prefix}-story-{i:D2}\", sectionId: $section }}) {{ id version title }}");
        }

        var data = await server.GraphQLAsync(document.Append(" }").ToString(), new { section = sectionId });
        return [.. Enumerable.Range(0, count).Select(i => data.GetProperty($"s{i}")).Select(s =>
            new SeededStory(s.GetProperty("id").GetString()!, NewsroomSeed.DatabaseIdOf(s.GetProperty("id").GetString()!), s.GetProperty("version").GetInt32(), s.GetProperty("title").GetString()!))];
    }
}
