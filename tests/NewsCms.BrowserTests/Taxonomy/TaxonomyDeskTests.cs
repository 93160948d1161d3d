using System.Text.Json;

namespace NewsCms.BrowserTests.Taxonomy;

/// <summary>The sections, authors and tags desks, checked against what the public API then says.</summary>
public sealed class TaxonomyDeskTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task An_editor_creates_sections_nests_one_and_moves_it_up_among_its_siblings()
    {
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"));
        await page.OpenAsync("/admin/sections");

        await CreateSectionAsync(page, "Markets desk", parent: null);
        await CreateSectionAsync(page, "Bonds desk", parent: "Markets desk");
        await CreateSectionAsync(page, "Equities desk", parent: "Markets desk");
        var markets = page.Locator("li[data-section=markets-desk]");
        await Expect(markets.Locator("li")).ToHaveCountAsync(2);
        await Expect(markets.Locator("li").Nth(1)).ToHaveAttributeAsync("data-section", "equities-desk");

        // Keyboard only: focus the arrow and press Enter, as an editor without a mouse would.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Equities desk up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved “Equities desk”.");
        await Expect(markets.Locator("li").First).ToHaveAttributeAsync("data-section", "equities-desk");
        var children = (await server.GraphQLAsync("{ section(slug: \"markets-desk\") { children { slug } } }"))
            .GetProperty("section").GetProperty("children").EnumerateArray().Select(c => c.GetProperty("slug").GetString());
        Assert.Equal(["equities-desk", "bonds-desk"], children);
        await page.CheckAccessibilityAsync("sections");

        // A delete asks once more, and keeping it deletes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Markets desk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Delete “Markets desk”?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(markets).ToBeVisibleAsync();

        // The core refuses to delete a section that still holds subsections; the desk says so inline.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Markets desk" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 subsections");
        await Expect(markets).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_editor_creates_and_finds_an_author_and_a_tag()
    {
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"));

        await page.OpenAsync("/admin/authors");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Priya Raman");
        await page.GetByLabel("Job title").FillAsync("Banking correspondent");
        await page.GetByLabel("Or upload a new portrait").SetInputFilesAsync(new FilePayload
        {
            Name = "priya.png",
            MimeType = "image/png",
            Buffer = TestMediaFiles.Png(80, 80, "priya-raman-portrait"),
        });
        await Expect(page.Locator("[data-avatar]")).ToContainTextAsync("priya.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create author" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created “Priya Raman”.");
        await page.GetByLabel("Search authors").FillAsync("RAMAN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("tr[data-author]")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-author=priya-raman]")).ToContainTextAsync("Banking correspondent");
        await page.CheckAccessibilityAsync("authors");

        await page.OpenAsync("/admin/tags");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Open banking");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created “Open banking”.");
        await Expect(page.Locator("tr[data-tag=open-banking]")).ToBeVisibleAsync();
        await page.CheckAccessibilityAsync("tags");

        var data = await server.GraphQLAsync("{ authors(search: \"raman\") { slug jobTitle avatar { fileName } } tags(search: \"open bank\") { slug name } }");
        Assert.Equal("Banking correspondent", Single(data, "authors").GetProperty("jobTitle").GetString());
        Assert.Equal("priya.png", Single(data, "authors").GetProperty("avatar").GetProperty("fileName").GetString());
        Assert.Equal("Open banking", Single(data, "tags").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_writer_sees_the_lists_without_the_editing_controls()
    {
        await server.GraphQLAsync("mutation { createTag(input: { name: \"Writers see this\" }) { id } }");
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Writer"));

        await page.OpenAsync("/admin/tags");

        await Expect(page.Locator("tr[data-tag=writers-see-this]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create tag" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete Writers see this" })).ToHaveCountAsync(0);
    }

    private static async Task CreateSectionAsync(IPage page, string name, string? parent)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        if (parent is not null)
        {
            await page.GetByLabel("Parent").SelectOptionAsync(new SelectOptionValue { Label = $"{parent}" });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create section" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Created “{name}”.");
    }

    private static JsonElement Single(JsonElement data, string field) => Assert.Single(data.GetProperty(field).EnumerateArray().ToList());
}
