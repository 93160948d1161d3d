using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>
/// The first administrator and tokens for scripts, made the way operators make them: the built server, run as a
/// separate process with a verb, against the database the server uses.
/// </summary>
public sealed class StaffCommandTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");
    private const string Password = "a long enough passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_create_migrates_an_empty_database_and_creates_the_account_with_its_role()
    {
        var folder = Directory.CreateTempSubdirectory("newscms-users-").FullName;
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "first.db")}";

            var (exitCode, output, errors) = await RunAsync(connection, "users", "create", "--email", "chief@newsroom.test", "--password", Password, "--role", "administrator", "--name", "The Chief");

            Assert.True(exitCode == 0, errors);
            Assert.Equal("Created staff account chief@newsroom.test (Administrator).", output.Trim());
            await using var db = new NewsCmsDbContext(new DbContextOptionsBuilder<NewsCmsDbContext>().UseSqlite(connection).Options);
            var user = await db.Users.SingleAsync(Cancel);
            Assert.Equal("The Chief", user.DisplayName);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Cancel);
            Assert.Equal([StaffRoles.Administrator], roles);
            Assert.True(await db.AuditLog.AnyAsync(e => e.Operation == "createStaffUser" && e.Actor == "system:cli", Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_create_prints_only_the_token_and_the_token_signs_its_owner_in()
    {
        api.Database.RequireAvailable();
        var email = $"ops-{Guid.NewGuid():N}@newsroom.test";
        var created = await RunAsync(api.Database.ConnectionString, "users", "create", "--email", email, "--password", Password, "--role", "Editor");
        Assert.True(created.ExitCode == 0, created.Errors);

        var (exitCode, output, errors) = await RunAsync(api.Database.ConnectionString, "tokens", "create", "--email", email, "--name", "newsletter builder", "--expires-days", "30");

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var secret = Assert.Single(lines).Trim();
        Assert.Matches("^ncms_[A-Za-z0-9_-]{43}$", secret);
        using var client = api.CreateClientOrSkip();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = (await client.DataAsync("{ me { email roles } }")).GetProperty("me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([StaffRoles.Editor], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("Chief", "a long enough passphrase", "role", "Unknown role 'Chief'")]
    [InlineData("Writer", "too short", "password", "at least 12 characters")]
    public async Task Users_create_refuses_bad_input_with_a_clear_message(string role, string password, string field, string message)
    {
        api.Database.RequireAvailable();
        var email = $"bad-{Guid.NewGuid():N}@newsroom.test";

        var (exitCode, output, errors) = await RunAsync(api.Database.ConnectionString, "users", "create", "--email", email, "--password", password, "--role", role);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"{field}: ", errors, StringComparison.Ordinal);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Cancel));
    }

    [Fact]
    public async Task Users_create_refuses_an_email_that_already_has_an_account()
    {
        api.Database.RequireAvailable();
        var email = $"twice-{Guid.NewGuid():N}@newsroom.test";
        Assert.Equal(0, (await RunAsync(api.Database.ConnectionString, "users", "create", "--email", email, "--password", Password, "--role", "Writer")).ExitCode);

        var (exitCode, _, errors) = await RunAsync(api.Database.ConnectionString, "users", "create", "--email", email.ToUpperInvariant(), "--password", Password, "--role", "Editor");

        Assert.Equal(2, exitCode);
        Assert.Contains("already exists", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_create_for_an_unknown_account_fails_with_nothing_on_standard_output()
    {
        api.Database.RequireAvailable();

        var (exitCode, output, errors) = await RunAsync(api.Database.ConnectionString, "tokens", "create", "--email", "nobody@newsroom.test", "--name", "x");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("nobody@newsroom.test was not found", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_create_without_a_name_explains_itself()
    {
        var (exitCode, output, errors) = await RunAsync("Data Source=:memory:", "tokens", "create", "--email", "someone@newsroom.test");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("--name", errors, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(string connectionString, params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [ServerDll, .. arguments], AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NewsCms__Database__SeedDemoContent"] = "false",
            ["ConnectionStrings__NewsCms"] = connectionString,
        }, TimeSpan.FromMinutes(1));
}
