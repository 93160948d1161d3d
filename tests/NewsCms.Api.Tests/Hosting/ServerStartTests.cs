using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

public sealed class FirstRunTests(FirstRunApi api) : IClassFixture<FirstRunApi>
{
    [Fact]
    public async Task An_empty_database_starts_with_the_demo_newsroom()
    {
        var client = api.CreateClientOrSkip();

        var data = await client.DataAsync("{ articles(first: 20) { nodes { slug isBreaking isSponsored section { slug } } } sponsors { name } sections { slug } }");

        var stories = data.GetProperty("articles").GetProperty("nodes").EnumerateArray().ToList();
        Assert.InRange(stories.Count, 6, 20);
        Assert.True(stories[0].GetProperty("isBreaking").GetBoolean(), "The newest demo story is the breaking one.");
        Assert.Contains(stories, s => s.GetProperty("isSponsored").GetBoolean());
        Assert.Contains("eCredo", data.GetProperty("sponsors").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.True(stories.Select(s => s.GetProperty("section").GetProperty("slug").GetString()).Distinct().Count() >= 4);
    }
}

/// <summary>The host as operators run it: a separate process, its verbs, and its refusal to run on a stale database.</summary>
public sealed class ServerProcessTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    [Fact]
    public async Task The_seed_verb_fills_the_configured_database_with_generated_stories()
    {
        var folder = Directory.CreateTempSubdirectory("newscms-seed-").FullName;
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "seed.db")}";
            var (exitCode, output) = await RunServerAsync(["seed", "--articles", "40"], new() { ["ConnectionStrings__NewsCms"] = connection });

            Assert.True(exitCode == 0, output);
            Assert.Contains("Seeded 40 articles.", output, StringComparison.Ordinal);
            await using var db = new Core.Data.NewsCmsDbContext(new DbContextOptionsBuilder<Core.Data.NewsCmsDbContext>().UseSqlite(connection).Options);
            Assert.Equal(40, await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published, TestContext.Current.CancellationToken));
            Assert.Equal(10, await db.Sections.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_verb_without_its_arguments_explains_itself_and_fails()
    {
        var (exitCode, output) = await RunServerAsync(["seed"], new() { ["ConnectionStrings__NewsCms"] = "Data Source=:memory:" });

        Assert.Equal(2, exitCode);
        Assert.Contains("--articles", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_database_that_is_behind_its_migrations_stops_the_server_with_a_clear_message()
    {
        var admin = TestEnvironment.PostgresAdminConnectionString;
        TestEnvironment.RequireLocalService(!string.IsNullOrWhiteSpace(admin), "No PostgreSQL server: NEWSCMS_TEST_POSTGRES is not set");
        var (name, connectionString) = await ThrowawayPostgreSqlDatabase.CreateAsync(admin!, "newscms_stale", TestContext.Current.CancellationToken);

        try
        {
            var (exitCode, output) = await RunServerAsync([], new()
            {
                ["NewsCms__Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__NewsCms"] = connectionString,
                ["Urls"] = "http://127.0.0.1:0",
            });

            Assert.NotEqual(0, exitCode);
            Assert.Matches(@"missing \d+ migration\(s\)", output);
        }
        finally
        {
            await ThrowawayPostgreSqlDatabase.DropAsync(admin!, name, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunServerAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NewsCms__Database__SeedDemoContent"] = "false",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            "dotnet", [ServerDll, .. arguments], AppContext.BaseDirectory, settings, TimeSpan.FromMinutes(1));
        return (exitCode, output + errors);
    }
}
