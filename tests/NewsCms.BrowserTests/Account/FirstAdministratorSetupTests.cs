namespace NewsCms.BrowserTests.Account;

/// <summary>The first visit to a newsroom with no administrator: a one-time set-up behind the code from the server log.</summary>
public sealed class FirstAdministratorSetupTests(FreshAdminServer server, BrowserHost browser) : IClassFixture<FreshAdminServer>
{
    [Fact]
    public async Task The_first_visit_sets_up_an_administrator_once_with_the_code_from_the_log()
    {
        Assert.NotNull(server.SetupCode);
        var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/setup$"));
        await page.CheckAccessibilityAsync("setup");

        await page.GetByLabel("Set-up code").FillAsync("WRONG-CODE-0000");
        await page.GetByLabel("E-mail").FillAsync("chief@newsroom.test");
        await page.GetByLabel("Password (at least 12 characters)").FillAsync(AdminServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That is not the set-up code");

        await page.GetByLabel("Set-up code").FillAsync(server.SetupCode!.ToLowerInvariant());
        await page.GetByLabel("E-mail").FillAsync("chief@newsroom.test");
        await page.GetByLabel("Display name").FillAsync("Chief Editor");
        await page.GetByLabel("Password (at least 12 characters)").FillAsync(AdminServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Desks" }).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();

        // Once done, the set-up is closed to everyone, the new administrator included.
        var stranger = await (await browser.NewContextAsync(server)).NewPageAsync();
        await stranger.GotoAsync("/admin/account/setup");
        await Expect(stranger.GetByText("This newsroom already has an administrator")).ToBeVisibleAsync();
        await stranger.GotoAsync("/admin");
        await Expect(stranger).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/sign-in"));
    }
}
