using System.Text.Json;

namespace NewsCms.BrowserTests.Sponsors;

/// <summary>The sponsors desk: a sponsor made with its placements, window, tracking link and an uploaded logo, then moved up the strip.</summary>
public sealed class SponsorDeskTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task The_partnerships_team_creates_a_sponsor_with_placements_and_a_logo_and_moves_it_up_the_strip()
    {
        await server.GraphQLAsync("mutation { createSponsor(input: { name: \"Existing Bank\", tier: GOLD, displayOrder: 0 }) { id } }");
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Partnerships"), timeZone: "Europe/Paris");
        await page.OpenAsync("/admin/sponsors");
        // The window is typed in the editor's zone: wait until the browser has told it.
        await Expect(page.GetByLabel("Active from (Europe/Paris)")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Northwind Capital");
        await page.GetByLabel("Tier").SelectOptionAsync("Platinum");
        await page.GetByLabel("Homepage strip").CheckAsync();
        await page.GetByLabel("Newsletter").CheckAsync();
        await page.GetByLabel("Website").FillAsync("https://northwind.example");
        await page.GetByLabel("Tracking link").FillAsync("https://track.example/northwind?c=strip");
        await page.GetByLabel("Active from (Europe/Paris)").FillAsync("2026-01-10T09:00");
        await page.GetByLabel("Or upload a new logo").SetInputFilesAsync(new FilePayload
        {
            Name = "northwind.png",
            MimeType = "image/png",
            Buffer = TestMediaFiles.Png(120, 60, "northwind-logo"),
        });
        await Expect(page.Locator("[data-logo]")).ToContainTextAsync("northwind.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create sponsor" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created “Northwind Capital”.");
        await Expect(page.Locator("tr[data-sponsor]").Nth(1)).ToHaveAttributeAsync("data-sponsor", "northwind-capital");
        await Expect(page.Locator("tr[data-sponsor=northwind-capital]")).ToContainTextAsync("Homepage strip, Newsletter");
        await page.CheckAccessibilityAsync("sponsors");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Northwind Capital up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved “Northwind Capital”.");
        await Expect(page.Locator("tr[data-sponsor]").First).ToHaveAttributeAsync("data-sponsor", "northwind-capital");

        var sponsors = (await server.GraphQLAsync("{ allSponsors { slug tier placements trackingUrl activeFrom logo { id } } }"))
            .GetProperty("allSponsors").EnumerateArray().ToList();
        Assert.Equal(["northwind-capital", "existing-bank"], sponsors.Select(s => s.GetProperty("slug").GetString()));
        var northwind = sponsors[0];
        Assert.Equal("PLATINUM", northwind.GetProperty("tier").GetString());
        Assert.Equal(["HOMEPAGE_STRIP", "NEWSLETTER"], northwind.GetProperty("placements").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("https://track.example/northwind?c=strip", northwind.GetProperty("trackingUrl").GetString());
        // Nine in Paris in January is eight in UTC.
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero), northwind.GetProperty("activeFrom").GetDateTimeOffset());
        Assert.NotEqual(JsonValueKind.Null, northwind.GetProperty("logo").ValueKind);
    }
}
