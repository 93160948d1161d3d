using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;
using NewsCms.Data.Sqlite;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>
/// <c>database migrate</c> as a deployment runs it: the built server, a separate process, against a database no
/// replica has touched yet, then again as every later release does.
/// </summary>
public sealed class DatabaseCommandTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_brings_an_empty_postgresql_database_to_the_model_and_a_second_run_has_nothing_to_do()
    {
        var admin = TestEnvironment.PostgresAdminConnectionString;
        TestEnvironment.RequireLocalService(!string.IsNullOrWhiteSpace(admin), "No PostgreSQL server: NEWSCMS_TEST_POSTGRES is not set");
        var (name, connectionString) = await ThrowawayPostgreSqlDatabase.CreateAsync(admin!, "newscms_migrate", Cancel);
        try
        {
            var first = await MigrateAsync("PostgreSql", connectionString);

            Assert.True(first.ExitCode == 0, first.Errors);
            await using var db = new NewsCmsDbContext(new DbContextOptionsBuilder<NewsCmsDbContext>().UseNewsCmsPostgreSql(connectionString).Options);
            var everyMigration = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(everyMigration);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
            Assert.Equal(everyMigration, await db.Database.GetAppliedMigrationsAsync(Cancel));
            Assert.Equal(
                [.. everyMigration.Select(m => $"applied {m}"), $"Applied {everyMigration.Count} migration(s) to the PostgreSql database.", "Created the first data-protection key."],
                Lines(first.Output));
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Cancel));

            var second = await MigrateAsync("PostgreSql", connectionString);

            Assert.True(second.ExitCode == 0, second.Errors);
            Assert.Equal(["The PostgreSql database is up to date: no migration to apply."], Lines(second.Output));
            Assert.Equal(everyMigration, await db.Database.GetAppliedMigrationsAsync(Cancel));
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Cancel));
        }
        finally
        {
            await ThrowawayPostgreSqlDatabase.DropAsync(admin!, name, Cancel);
        }
    }

    [Fact]
    public async Task Migrate_creates_a_missing_sqlite_database_with_every_migration_applied()
    {
        var folder = Directory.CreateTempSubdirectory("newscms-migrate-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "fresh.db")}";

            var (exitCode, output, errors) = await MigrateAsync("Sqlite", connectionString);

            Assert.True(exitCode == 0, errors);
            Assert.EndsWith("migration(s) to the Sqlite database.", Lines(output)[^2], StringComparison.Ordinal);
            Assert.Equal("Created the first data-protection key.", Lines(output)[^1]);
            await using var db = new NewsCmsDbContext(new DbContextOptionsBuilder<NewsCmsDbContext>().UseNewsCmsSqlite(connectionString).Options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_against_a_server_that_does_not_answer_fails_with_the_cause_and_prints_nothing_on_standard_output()
    {
        var connectionString = $"Host=127.0.0.1;Port={ClosedLoopbackPort()};Username=postgres;Database=newscms;Timeout=5";

        var (exitCode, output, errors) = await MigrateAsync("PostgreSql", connectionString);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("database migrate failed on the PostgreSql database: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_action_explains_the_verb_and_fails()
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync("dotnet", [ServerDll, "database", "drop"], AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__NewsCms"] = "Data Source=:memory:",
        }, TimeSpan.FromMinutes(1));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("database knows one action: database migrate.", errors, StringComparison.Ordinal);
        Assert.Contains("database migrate ", errors, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Errors)> MigrateAsync(string provider, string connectionString) =>
        ChildProcess.RunAsync("dotnet", [ServerDll, "database", "migrate"], AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NewsCms__Database__Provider"] = provider,
            ["ConnectionStrings__NewsCms"] = connectionString,
        }, TimeSpan.FromMinutes(2));

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A port nothing listens on: the system hands it out, and it is closed again at once.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
