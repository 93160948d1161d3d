namespace NewsCms.BrowserTests.Account;

/// <summary>Password sign-in and sign-out through the admin's own pages, and a role's desks.</summary>
public sealed class SignInTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task A_stranger_is_sent_to_sign_in_and_comes_back_to_the_desk_asked_for()
    {
        var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/not-found");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/sign-in\\?returnUrl=%2Fadmin%2Fnot-found$"));
        await page.CheckAccessibilityAsync("sign-in");
        await page.GetByLabel("E-mail").FillAsync(AdminServer.AdministratorEmail);
        await page.GetByLabel("Password").FillAsync(AdminServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/not-found$"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_why_and_sign_out_ends_the_session()
    {
        var writer = await server.CreateStaffAsync("Writer");
        var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(writer.Email);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or password is wrong");

        await page.SignInAsync(writer);
        await page.CheckAccessibilityAsync("dashboard");
        var desks = page.GetByRole(AriaRole.Navigation, new() { Name = "Desks" });
        await Expect(desks.GetByRole(AriaRole.Link, new() { Name = "Stories" })).ToBeVisibleAsync();
        // A Writer is not offered what the role cannot do.
        await Expect(desks.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Expect(desks.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/sign-in"));
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/sign-in"));
    }
}
