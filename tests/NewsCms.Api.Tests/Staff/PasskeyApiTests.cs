using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Staff;

/// <summary>
/// One's own passkeys over GraphQL, as on the security desk: list, rename, remove. Registering needs the browser's
/// WebAuthn ceremony, so the passkey here is put in through the core service the ceremony ends in.
/// </summary>
public sealed class PasskeyApiTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_lists_renames_and_removes_their_own_passkeys_and_nobody_elses()
    {
        using var owner = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var administrator = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var passkeyId = await RegisterPasskeyAsync(owner, "Phone");

        var listed = await owner.DataAsync("{ myPasskeys { id name createdAt } }");
        var foreignRename = await administrator.ErrorCodesAsync(
            "mutation($id: ID!) { renamePasskey(id: $id, name: \"Mine now\") { id } }", new { id = passkeyId });
        var renamed = await owner.DataAsync("mutation($id: ID!) { renamePasskey(id: $id, name: \"Work phone\") { name } }", new { id = passkeyId });
        var blank = await owner.ErrorCodesAsync("mutation($id: ID!) { renamePasskey(id: $id, name: \" \") { name } }", new { id = passkeyId });
        var removed = await owner.DataAsync("mutation($id: ID!) { removePasskey(id: $id) }", new { id = passkeyId });
        var after = await owner.DataAsync("{ myPasskeys { id } }");

        var only = Assert.Single(listed.GetProperty("myPasskeys").EnumerateArray().ToList());
        Assert.Equal((passkeyId, "Phone"), (only.GetProperty("id").GetString(), only.GetProperty("name").GetString()));
        Assert.Equal(["NOT_FOUND"], foreignRename);
        Assert.Equal("Work phone", renamed.GetProperty("renamePasskey").GetProperty("name").GetString());
        Assert.Equal(["VALIDATION"], blank);
        Assert.Equal(passkeyId, removed.GetProperty("removePasskey").GetString());
        Assert.Empty(after.GetProperty("myPasskeys").EnumerateArray());
    }

    [Fact]
    public async Task Anonymous_callers_have_no_passkeys_to_see()
    {
        using var client = api.CreateClientOrSkip();

        Assert.Equal(["UNAUTHENTICATED"], await client.ErrorCodesAsync("{ myPasskeys { id } }"));
    }

    private async Task<string> RegisterPasskeyAsync(HttpClient client, string name)
    {
        var email = (await client.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString()!;
        await using var scope = api.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
        var actor = new StaffActor(user.Id, email, new HashSet<string> { StaffRoles.Writer });
        var passkey = new UserPasskeyInfo(
            RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77), TestContent.Now, 0, ["internal"],
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, RandomNumberGenerator.GetBytes(64), RandomNumberGenerator.GetBytes(64));
        return (await api.Services.GetRequiredService<StaffPasskeys>().RegisterAsync(actor, passkey, name, Cancel)).Id;
    }
}
