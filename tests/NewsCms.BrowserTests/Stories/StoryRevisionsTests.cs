namespace NewsCms.BrowserTests.Stories;

/// <summary>A story's history on its revisions page, going back to an old text, and the corrections of a live story.</summary>
public sealed class StoryRevisionsTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    private static readonly StaffLogin Administrator = new(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator");

    [Fact]
    public async Task The_diff_shows_what_the_second_save_changed_and_restore_brings_the_old_text_back()
    {
        var story = await server.CreateStoryAsync(NewsroomSeed.Unique("Rates story"), body: "## Opening\n\nRates held at four per cent.");
        story = await server.UpdateBodyAsync(story, "## Opening\n\nRates cut to three per cent.");

        var page = await browser.SignedInPageAsync(server, Administrator);
        await page.OpenAsync($"/admin/stories/{story.DatabaseId}/revisions");
        var history = page.Locator("tbody tr[data-revision]");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First.Locator("td").Nth(2)).ToHaveTextAsync(AdminServer.AdministratorEmail);

        var diff = page.GetByRole(AriaRole.Table, new() { Name = "Changes from revision 1 to revision 2" });
        await Expect(diff.Locator("td.removed")).ToContainTextAsync("Rates held at four per cent.");
        await Expect(diff.Locator("td.added")).ToContainTextAsync("Rates cut to three per cent.");
        await page.CheckAccessibilityAsync("revisions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Revision 1 is current again");
        await Expect(history).ToHaveCountAsync(3);
        var restored = page.GetByRole(AriaRole.Table, new() { Name = "Changes from revision 2 to revision 3" });
        await Expect(restored.Locator("td.added")).ToContainTextAsync("Rates held at four per cent.");

        var data = await server.GraphQLAsync("query($id: ID!) { editorialArticle(id: $id) { body version } }", new { id = story.Id });
        Assert.Equal("## Opening\n\nRates held at four per cent.", data.GetProperty("editorialArticle").GetProperty("body").GetString());

        // A save elsewhere since the page was read: restoring again is refused, not written over it.
        await server.UpdateBodyAsync(story with { Version = data.GetProperty("editorialArticle").GetProperty("version").GetInt32() }, "## Opening\n\nA third text.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 2" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveAttributeAsync("data-code", "Conflict");
        var after = await server.GraphQLAsync("query($id: ID!) { editorialArticle(id: $id) { body } }", new { id = story.Id });
        Assert.Equal("## Opening\n\nA third text.", after.GetProperty("editorialArticle").GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_editor_appends_a_correction_to_a_live_story_and_a_writer_is_not_offered_the_form()
    {
        var section = await server.CreateSectionAsync(NewsroomSeed.Unique("Banks"));
        var author = await server.CreateAuthorAsync(NewsroomSeed.Unique("Bo Reed"));
        var story = await server.CreateStoryAsync(NewsroomSeed.Unique("Bank results"), section, author);
        story = await server.MoveStoryAsync(story, "publishArticle");

        var page = await browser.SignedInPageAsync(server, Administrator);
        await page.OpenAsync($"/admin/stories/{story.DatabaseId}/corrections");
        await Expect(page.GetByText("No corrections, clarifications or updates yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("Clarification");
        await page.GetByLabel("Text").FillAsync("The results were for the third quarter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The clarification is published with the story.");
        await Expect(page.Locator("ol.corrections li")).ToContainTextAsync("Clarification");
        await Expect(page.Locator("ol.corrections li")).ToContainTextAsync("The results were for the third quarter.");
        await page.CheckAccessibilityAsync("corrections");

        var data = await server.GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Article { corrections { kind text } } } }", new { id = story.Id }, anonymous: true);
        var correction = Assert.Single(data.GetProperty("node").GetProperty("corrections").EnumerateArray());
        Assert.Equal("The results were for the third quarter.", correction.GetProperty("text").GetString());

        var writer = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Writer"));
        await writer.OpenAsync($"/admin/stories/{story.DatabaseId}/corrections");
        await Expect(writer.Locator("ol.corrections li")).ToHaveCountAsync(1);
        await Expect(writer.GetByRole(AriaRole.Button, new() { Name = "Add the note" })).ToHaveCountAsync(0);
    }
}
