using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsCms.BrowserTests.Administration;

/// <summary>The administrator's desks: API tokens, staff accounts and the audit log that records both.</summary>
public sealed partial class AdministrationTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    private static readonly StaffLogin Administrator = new(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator");

    [Fact]
    public async Task A_token_secret_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        var page = await browser.SignedInPageAsync(server, Administrator);
        var name = $"deploy {Guid.NewGuid():N}"[..20];
        await page.OpenAsync("/admin/tokens");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Expires after (days; empty: never)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secretBox = page.GetByLabel($"Secret of “{name}”");
        await Expect(secretBox).ToHaveValueAsync(TokenSecret());
        var secret = await secretBox.InputValueAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Active");
        await page.CheckAccessibilityAsync("tokens");

        Assert.Equal(AdminServer.AdministratorEmail, (await MeAsync(secret)).GetProperty("data").GetProperty("me").GetProperty("email").GetString());

        // Shown once: the desk opened again lists the token by its prefix only.
        await page.OpenAsync("/admin/tokens");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync(secret[..12]);
        await Expect(page.GetByLabel($"Secret of “{name}”")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Token “{name}” revoked.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Revoked");

        using var refused = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await page.OpenAsync("/admin/audit");
        await page.GetByLabel("Operation").FillAsync("revokeApiToken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Revoked token '{name}'" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_administrator_creates_a_writer_changes_the_role_and_is_refused_demoting_the_last_administrator()
    {
        var page = await browser.SignedInPageAsync(server, Administrator);
        var email = $"writer-{Guid.NewGuid():N}"[..20] + "@newsroom.test";
        await page.OpenAsync("/admin/users");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Wanda Writer");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Writer");
        await page.GetByLabel("Initial password (at least 12 characters)").FillAsync(AdminServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Created {email} as Writer.");
        await Expect(page.GetByLabel($"Role of {email}")).ToHaveValueAsync("Writer");

        await page.GetByLabel($"Role of {email}").SelectOptionAsync("Editor");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{email} now has the role Editor.");
        await Expect(page.GetByLabel($"Role of {email}")).ToHaveValueAsync("Editor");

        // The only administrator cannot give the role away: the core refuses, the desk says why and shows the truth.
        await page.GetByLabel($"Role of {AdminServer.AdministratorEmail}").SelectOptionAsync("Writer");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("last active Administrator");
        await Expect(page.GetByLabel($"Role of {AdminServer.AdministratorEmail}")).ToHaveValueAsync("Administrator");
        await page.CheckAccessibilityAsync("users");

        var staff = await server.GraphQLAsync("{ staffUsers { email roles } }");
        var created = staff.GetProperty("staffUsers").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email);
        Assert.Equal(["Editor"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await page.OpenAsync("/admin/audit");
        await page.GetByLabel("Type of object").FillAsync("StaffUser");
        await page.GetByLabel("Who (e-mail or system:job)").FillAsync(AdminServer.AdministratorEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Created {email} as Writer." })).ToContainTextAsync("createStaffUser");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Changed the role of {email} to Editor." })).ToContainTextAsync("setStaffUserRole");
        await page.CheckAccessibilityAsync("audit");
    }

    private async Task<JsonElement> MeAsync(string secret)
    {
        using var response = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> CallMeAsync(string secret)
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.PostAsJsonAsync("graphql", new { query = "{ me { email } }" });
    }

    [GeneratedRegex("^ncms_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex TokenSecret();
}
