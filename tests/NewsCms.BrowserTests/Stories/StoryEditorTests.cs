using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCms.BrowserTests.Stories;

/// <summary>The story editor as the newsroom uses it: writing, handing over, publishing, racing and scheduling.</summary>
public sealed partial class StoryEditorTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    private static readonly TimeSpan PublishingJobWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_writer_drafts_with_an_uploaded_hero_image_and_submits_and_an_editor_publishes_it_for_readers()
    {
        var (sectionName, _, authorName, _) = await StoryDesk.NewsroomAsync(server);
        var writer = await server.CreateStaffAsync("Writer");
        var editor = await server.CreateStaffAsync("Editor");
        var title = $"Central bank holds rates {Guid.NewGuid():N}"[..40];
        var picture = Path.Combine(Path.GetTempPath(), $"rates-chart-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(picture, TestImages.Halves(64, 36, SkiaSharp.SKColors.Navy, SkiaSharp.SKColors.Gold, SkiaSharp.SKEncodedImageFormat.Png), TestContext.Current.CancellationToken);
        try
        {
            var page = await browser.SignedInPageAsync(server, writer);
            await page.OpenAsync("/admin/stories/new");
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("The bank kept its main rate where it was.");
            await page.GetByLabel("Section", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = sectionName });
            await page.GetByLabel("Author to add").SelectOptionAsync(new SelectOptionValue { Label = authorName });
            await page.Button("Add author").ClickAsync();
            await Expect(page.Locator(".bylines li")).ToContainTextAsync(authorName);

            await page.Body().FillAsync("## Outlook\n\nThe bank kept rates at **4.5%**, as markets expected.\n\n<script>alert(1)</script>");
            // The preview is the publishing renderer's sanitized output: the heading gets its anchor, the script stays text.
            await Expect(page.Preview().Locator("h2#outlook")).ToHaveTextAsync("Outlook");
            await Expect(page.Preview().Locator("strong")).ToHaveTextAsync("4.5%");
            await Expect(page.Preview().Locator("script")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Outline" })).ToContainTextAsync("Outlook");
            await Expect(page.GetByTestId("word-count")).ToHaveTextAsync(new Regex(@"^1\d words$"));

            await page.Locator("#hero-upload").SetInputFilesAsync(picture);
            await Expect(page.Locator(".hero-current figcaption")).ToContainTextAsync("rates-chart");
            await page.GetByLabel("Alt text for this story").FillAsync("Chart of the bank's rate");

            await page.Button("Save").ClickAsync();
            await Expect(page.SaveStatus()).ToHaveTextAsync(new Regex(@"^Saved at \d\d:\d\d$"));
            await Expect(page).ToHaveURLAsync(new Regex(@"/admin/stories/\d+$"));
            var id = int.Parse(StoryNumber().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
            var slug = await page.GetByLabel("Slug", new() { Exact = true }).InputValueAsync();
            Assert.StartsWith("central-bank-holds-rates-", slug, StringComparison.Ordinal);
            await page.CheckAccessibilityAsync("story-editor");

            // A writer hands the story over; publishing is not theirs to do, so it is not offered.
            await Expect(page.Button("Publish now")).ToHaveCountAsync(0);
            await Expect(page.Button("Schedule")).ToHaveCountAsync(0);
            await page.Button("Submit for review").ClickAsync();
            await Expect(page.Status()).ToHaveTextAsync("In review");

            var desk = await browser.SignedInPageAsync(server, editor);
            await desk.OpenAsync($"/admin/stories/{id}");
            await Expect(desk.Status()).ToHaveTextAsync("In review");
            await Expect(desk.Preview().Locator("h2#outlook")).ToHaveTextAsync("Outlook");
            await desk.Button("Publish now").ClickAsync();
            await Expect(desk.Status()).ToHaveTextAsync("Published");

            var article = (await server.GraphQLAsync(
                "query($slug: String!) { article(slug: $slug) { title html heroImage { altText asset { url } } } }",
                new { slug }, anonymous: true)).GetProperty("article");
            Assert.Equal(title, article.GetProperty("title").GetString());
            Assert.Contains("<strong>4.5%</strong>", article.GetProperty("html").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("<script", article.GetProperty("html").GetString(), StringComparison.OrdinalIgnoreCase);
            var hero = article.GetProperty("heroImage");
            Assert.Equal("Chart of the bank's rate", hero.GetProperty("altText").GetString());
            Assert.Matches(@"^/media/[0-9a-f]{32}/rates-chart-[0-9a-f]+\.png$", hero.GetProperty("asset").GetProperty("url").GetString());
        }
        finally
        {
            File.Delete(picture);
        }
    }

    [Fact]
    public async Task An_autosave_that_lost_a_race_shows_both_versions_and_keeping_mine_loses_nothing()
    {
        var (id, _) = await StoryDesk.CreateStoryAsync(server, new { title = $"Merger talks {Guid.NewGuid():N}"[..30], body = "The first paragraph." });
        var first = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"));
        var second = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"));
        await first.OpenAsync($"/admin/stories/{id}");
        await second.OpenAsync($"/admin/stories/{id}");
        await Expect(second.Body()).ToHaveValueAsync("The first paragraph.");

        await first.Body().FillAsync("Their paragraph, saved first.");
        await first.Button("Save").ClickAsync();
        await Expect(first.SaveStatus()).ToHaveTextAsync(new Regex("^Saved at"));

        // No click: the draft saves itself two seconds after the last keystroke, on the version it was opened at.
        await second.Body().FillAsync("My paragraph, written meanwhile.");
        var conflict = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved this story" });
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-theirs")).ToHaveTextAsync("Their paragraph, saved first.");
        await Expect(conflict.GetByTestId("conflict-mine")).ToHaveTextAsync("My paragraph, written meanwhile.");
        await Expect(second.Body()).ToHaveValueAsync("My paragraph, written meanwhile.");
        await Expect(second.SaveStatus()).ToHaveTextAsync("Not saved: someone else saved first");
        // Nothing was overwritten while the editor decides.
        Assert.Equal("Their paragraph, saved first.", (await StoryDesk.EditorialAsync(server, id)).GetProperty("body").GetString());

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Expect(second.SaveStatus()).ToHaveTextAsync(new Regex(@"^Saved at \d\d:\d\d$"));
        await Expect(conflict).ToHaveCountAsync(0);
        var stored = await StoryDesk.EditorialAsync(server, id);
        Assert.Equal("My paragraph, written meanwhile.", stored.GetProperty("body").GetString());
        Assert.Equal(3, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_story_scheduled_a_few_seconds_ahead_in_the_editors_zone_goes_live_by_itself()
    {
        var (_, sectionId, _, authorId) = await StoryDesk.NewsroomAsync(server);
        var (id, slug) = await StoryDesk.CreateStoryAsync(server, new
        {
            title = $"Quarterly results {Guid.NewGuid():N}"[..36],
            summary = "Profits rose.",
            sectionId,
            authorIds = new[] { authorId },
            body = "Profits rose by a tenth.",
        });
        const string zone = "America/New_York";
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"), zone);
        await page.OpenAsync($"/admin/stories/{id}");
        // The editor types wall-clock time where they sit; the label says which zone that is.
        var goLive = page.GetByLabel($"Go live at ({zone})");
        await Expect(goLive).ToBeVisibleAsync();

        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddSeconds(6), TimeZoneInfo.FindSystemTimeZoneById(zone));
        await goLive.FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        await page.Button("Schedule").ClickAsync();
        await Expect(page.Status()).ToHaveTextAsync("Scheduled");
        await Expect(page.GetByText($"goes live {at:yyyy-MM-dd HH:mm} UTC-05:00")).ToBeVisibleAsync();

        var published = await WaitForPublicAsync(slug);
        Assert.Equal("Profits rose.", published.GetProperty("summary").GetString());
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Status()).ToHaveTextAsync("Published");
    }

    /// <summary>Asks the public API until the publishing job (every second on the test server) has put the story live.</summary>
    private async Task<System.Text.Json.JsonElement> WaitForPublicAsync(string slug)
    {
        var deadline = DateTime.UtcNow + PublishingJobWait;
        while (true)
        {
            var article = (await server.GraphQLAsync("query($slug: String!) { article(slug: $slug) { summary } }", new { slug }, anonymous: true)).GetProperty("article");
            if (article.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                return article;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The story was not live {PublishingJobWait.TotalSeconds} s after its time.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"/admin/stories/(\d+)$")]
    private static partial Regex StoryNumber();
}
