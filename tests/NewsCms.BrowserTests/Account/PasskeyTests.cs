using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsCms.BrowserTests.Account;

/// <summary>
/// Passkeys end to end, with Chromium's virtual authenticators standing in for a laptop and a security key: each is
/// a CDP WebAuthn authenticator holding its own resident credentials, so which key answers is never left to chance.
/// </summary>
public sealed partial class PasskeyTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task A_registered_passkey_signs_in_without_a_password_and_a_removed_one_does_not()
    {
        var editor = await server.CreateStaffAsync("Editor");
        var page = await browser.SignedInPageAsync(server, editor);
        var webAuthn = await page.Context.NewCDPSessionAsync(page);
        await webAuthn.SendAsync("WebAuthn.enable");

        // Two passkeys on two devices: an authenticator refuses a second passkey for an account it already holds one of.
        var laptop = await AddAuthenticatorAsync(webAuthn);
        await page.OpenAsync("/admin/security");
        await RegisterAsync(page, "Work laptop");
        var laptopCredential = await TheOnlyCredentialAsync(webAuthn, laptop);
        await webAuthn.SendAsync("WebAuthn.removeVirtualAuthenticator", new() { ["authenticatorId"] = laptop });
        var spareKey = await AddAuthenticatorAsync(webAuthn);
        await RegisterAsync(page, "Spare key");

        var passkeys = page.GetByRole(AriaRole.Table);
        await Expect(passkeys.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename Work laptop" }).ClickAsync();
        await page.GetByLabel("New name for Work laptop").FillAsync("Newsroom laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(passkeys.GetByRole(AriaRole.Cell, new() { Name = "Newsroom laptop" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Spare key" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Passkey “Spare key” removed.");
        await Expect(passkeys.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(passkeys).Not.ToContainTextAsync("Spare key");
        await page.CheckAccessibilityAsync("security");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInPage());

        // The spare key still holds its credential, but the account no longer knows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That passkey does not sign in");
        await Expect(page).ToHaveURLAsync(SignInPage());

        // The laptop comes back with the passkey it made; no e-mail or password is typed.
        await webAuthn.SendAsync("WebAuthn.removeVirtualAuthenticator", new() { ["authenticatorId"] = spareKey });
        var laptopAgain = await AddAuthenticatorAsync(webAuthn);
        await webAuthn.SendAsync("WebAuthn.addCredential", new() { ["authenticatorId"] = laptopAgain, ["credential"] = laptopCredential });
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Signed in as {editor.Email}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_passkey_of_a_locked_account_does_not_sign_in()
    {
        var writer = await server.CreateStaffAsync("Writer");
        var page = await browser.SignedInPageAsync(server, writer);
        var webAuthn = await page.Context.NewCDPSessionAsync(page);
        await webAuthn.SendAsync("WebAuthn.enable");
        await AddAuthenticatorAsync(webAuthn);
        await page.OpenAsync("/admin/security");
        await RegisterAsync(page, "Phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInPage());

        var accounts = await server.GraphQLAsync("{ staffUsers { id email } }");
        var id = accounts.GetProperty("staffUsers").EnumerateArray().Single(a => a.GetProperty("email").GetString() == writer.Email).GetProperty("id").GetString();
        await server.GraphQLAsync("mutation($id: ID!) { lockStaffUser(id: $id) { id } }", new { id });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot sign in now");
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(SignInPage());
    }

    private static async Task RegisterAsync(IPage page, string name)
    {
        await page.GetByLabel("Name of the new passkey").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Passkey “{name}” registered.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>A platform authenticator that holds discoverable credentials and always verifies its user.</summary>
    private static async Task<string> AddAuthenticatorAsync(ICDPSession webAuthn)
    {
        var added = await webAuthn.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return added!.Value.GetProperty("authenticatorId").GetString()!;
    }

    private static async Task<Dictionary<string, object>> TheOnlyCredentialAsync(ICDPSession webAuthn, string authenticatorId)
    {
        var answer = await webAuthn.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = authenticatorId });
        var credential = Assert.Single(answer!.Value.GetProperty("credentials").EnumerateArray().ToList());
        return JsonSerializer.Deserialize<Dictionary<string, object>>(credential.GetRawText())!;
    }

    [GeneratedRegex("/admin/account/sign-in")]
    private static partial Regex SignInPage();
}
