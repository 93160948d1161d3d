using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>
/// Scheduled publishing as production runs it: several server processes on one database, each with its own
/// publishing job, and still every story goes live exactly once.
/// </summary>
public sealed partial class ScheduledPublishingProcessTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_server_processes_on_one_database_publish_each_due_story_exactly_once()
    {
        database.RequireAvailable();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NewsCms__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__NewsCms"] = database.ConnectionString,
            ["NewsCms__Database__MigrateOnStartup"] = "true",
            ["NewsCms__Database__SeedDemoContent"] = "false",
            ["NewsCms__Publishing__IntervalSeconds"] = "1",
            ["Urls"] = "http://127.0.0.1:0",
        };
        await using var first = RunningProcess.Start("dotnet", [ServerDll], AppContext.BaseDirectory, settings);
        await using var second = RunningProcess.Start("dotnet", [ServerDll], AppContext.BaseDirectory, settings);
        await first.WaitForLineAsync("NewsCms GraphQL answers at", TimeSpan.FromSeconds(30), Cancel);
        await second.WaitForLineAsync("NewsCms GraphQL answers at", TimeSpan.FromSeconds(30), Cancel);

        // Due times spread over three seconds, so that ticks of both processes meet stories as they fall due.
        var now = DateTime.UtcNow;
        var stories = Enumerable.Range(0, 40).Select(i => Scheduled($"two-servers-{i:D2}", now.AddMilliseconds(75 * i), embargoed: i % 4 == 0)).ToList();
        var tomorrow = Scheduled("two-servers-tomorrow", now.AddDays(1), embargoed: false);
        await database.Contexts.SaveAsync([.. stories, tomorrow]);
        var ids = stories.Select(s => s.Id).ToHashSet();

        await WaitUntilAsync(async () => await PublishedCountAsync(ids) == ids.Count, "every story published", first, second);
        // The console logger writes from a queue: wait for the last lines before stopping the processes.
        await WaitUntilAsync(() => Task.FromResult(LoggedIds(first).Concat(LoggedIds(second)).Count(ids.Contains) >= ids.Count), "every publication logged", first, second);
        await second.DisposeAsync();
        await first.DisposeAsync();

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id) || a.Id == tomorrow.Id).ToListAsync(Cancel);
        Assert.All(rows.Where(a => ids.Contains(a.Id)), a => Assert.Equal((ArticleStatus.Published, 2), (a.Status, a.Version)));
        Assert.Equal(ArticleStatus.Scheduled, rows.Single(a => a.Id == tomorrow.Id).Status);

        var entityIds = rows.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var audit = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == nameof(Article) && entityIds.Contains(e.EntityId)).ToListAsync(Cancel);
        foreach (var story in stories)
        {
            var entry = Assert.Single(audit, e => e.EntityId == story.Id.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(story.EmbargoUntil is null ? ScheduledPublisher.PublishOperation : ScheduledPublisher.LiftEmbargoOperation, entry.Operation);
        }

        Assert.DoesNotContain(audit, e => e.EntityId == tomorrow.Id.ToString(CultureInfo.InvariantCulture));

        // The winner of each claim also kept the story as published as a revision: one each, never a duplicate number.
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId) || r.ArticleId == tomorrow.Id).ToListAsync(Cancel);
        foreach (var story in stories)
        {
            var revision = Assert.Single(revisions, r => r.ArticleId == story.Id);
            Assert.Equal(
                (1, story.EmbargoUntil is null ? ScheduledPublisher.PublishOperation : ScheduledPublisher.LiftEmbargoOperation, "system:scheduled-publishing", story.Slug),
                (revision.Number, revision.Operation, revision.Actor, revision.Slug));
        }

        Assert.DoesNotContain(revisions, r => r.ArticleId == tomorrow.Id);

        // Each process logs the stories it claimed: together they are every story, and no story twice.
        var claimedByFirst = LoggedIds(first).Where(ids.Contains).ToList();
        var claimedBySecond = LoggedIds(second).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), claimedByFirst.Concat(claimedBySecond).Order());
        TestContext.Current.SendDiagnosticMessage($"Published by the first process: {claimedByFirst.Count}, by the second: {claimedBySecond.Count}");
    }

    private static Article Scheduled(string slug, DateTime due, bool embargoed)
    {
        var article = TestContent.Article(slug, due, status: ArticleStatus.Scheduled);
        article.EmbargoUntil = embargoed ? due : null;
        return article;
    }

    private async Task<int> PublishedCountAsync(IReadOnlyCollection<int> ids)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published, Cancel);
    }

    private static IEnumerable<int> LoggedIds(RunningProcess server) =>
        server.Lines
            .Select(line => PublishedLine().Match(line))
            .Where(match => match.Success)
            .SelectMany(match => match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, params RunningProcess[] servers)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15) || servers.Any(s => s.HasExited))
            {
                Assert.Fail($"Not {what} after {clock.Elapsed.TotalSeconds:F0} s. Output:\n{string.Join("\n---\n", servers.Select(s => s.Output))}");
            }

            await Task.Delay(100, Cancel);
        }
    }

    // Production logs are JSON lines: the message is one field among others, not the end of the line.
    [GeneratedRegex(@"scheduled article\(s\): (?<ids>\d+(?:, \d+)*)")]
    private static partial Regex PublishedLine();
}
