using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Relay;

namespace NewsCms.Api.Tests.Staff;

/// <summary>Administrators manage accounts through GraphQL; every change is audited, and the last administrator stays.</summary>
public abstract class StaffManagementTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string AccountFields = "id email displayName roles createdAt lockedOut";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrators_list_the_accounts_and_nobody_else_may()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var anonymous = api.CreateClientOrSkip();
        var editorEmail = (await editor.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString();

        var accounts = (await admin.DataAsync($"{{ staffUsers {{ {AccountFields} }} }}")).GetProperty("staffUsers").EnumerateArray().ToList();

        var listed = Assert.Single(accounts, a => a.GetProperty("email").GetString() == editorEmail);
        Assert.Equal(["Editor"], listed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(listed.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(TestContentNow, listed.GetProperty("createdAt").GetDateTime().ToUniversalTime());
        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync("{ staffUsers { email } }"));
        Assert.Equal(["UNAUTHENTICATED"], await anonymous.ErrorCodesAsync("{ staffUsers { email } }"));
    }

    [Fact]
    public async Task An_administrator_creates_an_account_that_can_sign_in_and_the_audit_log_names_the_administrator()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var adminEmail = (await admin.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString();
        var email = $"new-{Guid.NewGuid():N}@newsroom.test";

        var created = (await admin.DataAsync(
            $"mutation($input: CreateStaffUserInput!) {{ createStaffUser(input: $input) {{ {AccountFields} }} }}",
            new { input = new { email, password = NewsCmsApiFactory.TestStaffPassword, role = "Writer", displayName = "Nia Writer" } })).GetProperty("createStaffUser");

        Assert.Equal(email, created.GetProperty("email").GetString());
        Assert.Equal("Nia Writer", created.GetProperty("displayName").GetString());
        Assert.Equal(["Writer"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var browser = api.CreateBrowserClientOrSkip();
        using var signIn = await browser.PostAsJsonAsync("/auth/sign-in", new { email, password = NewsCmsApiFactory.TestStaffPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(created.GetProperty("id").GetString(), (await browser.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString());
        var userId = await UserIdAsync(email);
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var audit = await db.AuditLog.SingleAsync(e => e.Operation == "createStaffUser" && e.EntityType == "StaffUser" && e.EntityId == userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);
        Assert.Equal(adminEmail, audit.Actor);
    }

    [Fact]
    public async Task Bad_input_creates_nothing()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var email = $"bad-{Guid.NewGuid():N}@newsroom.test";

        var result = await admin.QueryAsync(
            "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }",
            new { input = new { email, password = "short", role = "Writer" } });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Cancel));
        Assert.False(await db.AuditLog.AnyAsync(e => e.Summary.Contains(email), Cancel));
    }

    [Fact]
    public async Task Only_administrators_create_accounts()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);

        var codes = await editor.ErrorCodesAsync(
            "mutation { createStaffUser(input: { email: \"sneaky@newsroom.test\", password: \"a long enough password\", role: \"Administrator\" }) { id } }");

        Assert.Equal(["FORBIDDEN"], codes);
    }

    [Fact]
    public async Task A_new_role_applies_to_the_accounts_next_request()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var id = (await writer.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();

        var changed = (await admin.DataAsync($"mutation {{ setStaffUserRole(id: \"{id}\", role: \"Editor\") {{ roles }} }}")).GetProperty("setStaffUserRole");

        Assert.Equal(["Editor"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Editor"], (await writer.DataAsync("{ me { roles } }")).GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["VALIDATION"], await admin.ErrorCodesAsync($"mutation {{ setStaffUserRole(id: \"{id}\", role: \"Chief\") {{ roles }} }}"));
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await db.AuditLog.AnyAsync(e => e.Operation == "setStaffUserRole" && e.Summary.Contains("to Editor"), Cancel));
    }

    [Fact]
    public async Task An_id_of_another_kind_names_no_account_or_token_but_is_bad_input_as_a_filter()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var sectionId = GlobalId.Encode("Section", 1);

        Assert.Equal(["NOT_FOUND"], await admin.ErrorCodesAsync($"mutation {{ lockStaffUser(id: \"{sectionId}\") {{ lockedOut }} }}"));
        Assert.Equal(["NOT_FOUND"], await admin.ErrorCodesAsync($"mutation {{ unlockStaffUser(id: \"{sectionId}\") {{ lockedOut }} }}"));
        Assert.Equal(["NOT_FOUND"], await admin.ErrorCodesAsync($"mutation {{ setStaffUserRole(id: \"{sectionId}\", role: \"Editor\") {{ roles }} }}"));
        Assert.Equal(["NOT_FOUND"], await admin.ErrorCodesAsync($"mutation {{ revokeApiToken(id: \"{sectionId}\") {{ id }} }}"));
        Assert.Equal(["VALIDATION"], await admin.ErrorCodesAsync($"{{ apiTokens(ownerId: \"{sectionId}\") {{ id }} }}"));
    }

    [Fact]
    public async Task A_locked_account_loses_its_tokens_until_it_is_unlocked()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var id = (await editor.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();

        var locked = (await admin.DataAsync($"mutation {{ lockStaffUser(id: \"{id}\") {{ lockedOut }} }}")).GetProperty("lockStaffUser");
        using var refused = await editor.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" }, Cancel);
        var unlocked = (await admin.DataAsync($"mutation {{ unlockStaffUser(id: \"{id}\") {{ lockedOut }} }}")).GetProperty("unlockStaffUser");

        Assert.True(locked.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(unlocked.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(JsonValueKind.Object, (await editor.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var userId = StaffUserId(id!);
        Assert.Equal(["lockStaffUser", "unlockStaffUser"], await db.AuditLog.Where(e => e.EntityType == "StaffUser" && e.EntityId == userId && e.Operation != "createStaffUser")
            .OrderBy(e => e.Id).Select(e => e.Operation).ToListAsync(Cancel));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_locked_or_demoted()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        using var other = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var me = (await admin.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        var otherId = (await other.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        // Demoting another administrator is fine while one remains.
        await admin.DataAsync($"mutation {{ setStaffUserRole(id: \"{otherId}\", role: \"Editor\") {{ id }} }}");
        var accounts = (await admin.DataAsync("{ staffUsers { id roles lockedOut } }")).GetProperty("staffUsers").EnumerateArray();
        foreach (var account in accounts.Where(a => a.GetProperty("id").GetString() != me && !a.GetProperty("lockedOut").GetBoolean()
                     && a.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == StaffRoles.Administrator)))
        {
            await admin.DataAsync($"mutation {{ lockStaffUser(id: \"{account.GetProperty("id").GetString()}\") {{ id }} }}");
        }

        var lockSelf = await admin.QueryAsync($"mutation {{ lockStaffUser(id: \"{me}\") {{ id }} }}");
        var demoteSelf = await admin.QueryAsync($"mutation {{ setStaffUserRole(id: \"{me}\", role: \"Editor\") {{ id }} }}");

        Assert.Equal(["CONFLICT"], lockSelf.ErrorCodes());
        Assert.Equal(["CONFLICT"], demoteSelf.ErrorCodes());
        Assert.Equal(["Administrator"], (await admin.DataAsync("{ me { roles } }")).GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private static readonly DateTime TestContentNow = NewsCms.Testing.TestContent.Now;

    private static string StaffUserId(string globalId)
    {
        Assert.True(GraphQL.Relay.GlobalId.TryDecode(globalId, out var type, out var id) && type == "StaffUser", globalId);
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> UserIdAsync(string email)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel);
    }
}

public sealed class SqliteStaffManagementTests(SqliteApi api) : StaffManagementTests<SqliteApi>(api);

public sealed class PostgreSqlStaffManagementTests(PostgreSqlApi api) : StaffManagementTests<PostgreSqlApi>(api);
