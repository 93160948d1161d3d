using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Data;
using NewsCms.Core.Jobs;
using NewsCms.Data.Sqlite;
using NewsCms.Server.Hosting;
using NewsCms.Server.Publishing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>The publishing job on its own clock: it ticks on time, outlives a failing database, and can be switched off.</summary>
public sealed class ScheduledPublishingServiceTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("newscms-publishing-").FullName;
    private readonly FakeTimeProvider clock = new(TestContent.Now);
    private readonly RecordingLogger<ScheduledPublishingService> logger = new();
    private PooledDbContextFactory<NewsCmsDbContext> contexts = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<NewsCmsDbContext>().UseNewsCmsSqlite($"Data Source={Path.Combine(folder, "publishing.db")}").Options;
        contexts = new PooledDbContextFactory<NewsCmsDbContext>(options);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_job_outlives_a_database_that_fails_and_publishes_on_the_next_tick_once_it_answers()
    {
        using var service = Service(new PublishingOptions { IntervalSeconds = 5 });
        await service.StartAsync(Cancel);

        // No tables yet: the first run fails the way a database that is down or restarting does.
        await WaitUntilAsync(() => Task.FromResult(logger.Entries.Any(e => e.Level == LogLevel.Warning)), "the failed run logged");
        await using (var db = await contexts.CreateDbContextAsync(Cancel))
        {
            await db.Database.MigrateAsync(Cancel);
        }

        var story = TestContent.Article("due-after-the-outage", TestContent.Now.AddSeconds(3), status: ArticleStatus.Scheduled);
        await contexts.SaveAsync(story);

        clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(async () => await StatusAsync(story.Id) == ArticleStatus.Published, "the story published");

        Assert.False(service.ExecuteTask!.IsCompleted, "The job must keep running after a failed run.");
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains($"scheduled article(s): {story.Id}", StringComparison.Ordinal));
        await service.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_story_becomes_due_between_ticks_and_is_published_at_the_next_one()
    {
        await MigrateAsync();
        var story = TestContent.Article("due-in-seven-seconds", TestContent.Now.AddSeconds(7), status: ArticleStatus.Scheduled);
        await contexts.SaveAsync(story);
        using var service = Service(new PublishingOptions { IntervalSeconds = 5 });
        await service.StartAsync(Cancel);

        clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(300, Cancel);
        Assert.Equal(ArticleStatus.Scheduled, await StatusAsync(story.Id));

        clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(async () => await StatusAsync(story.Id) == ArticleStatus.Published, "the story published");
        await service.StopAsync(Cancel);
    }

    [Fact]
    public async Task Switched_off_the_job_publishes_nothing()
    {
        await MigrateAsync();
        var story = TestContent.Article("due-but-switched-off", TestContent.Now.AddMinutes(-1), status: ArticleStatus.Scheduled);
        await contexts.SaveAsync(story);
        using var service = Service(new PublishingOptions { Enabled = false });

        await service.StartAsync(Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal(ArticleStatus.Scheduled, await StatusAsync(story.Id));
        Assert.Contains(logger.Entries, e => e.Message.Contains("switched off", StringComparison.Ordinal));
    }

    private ScheduledPublishingService Service(PublishingOptions options) =>
        new(new ScheduledPublisher(contexts, clock), Options.Create(options), new JobLeases(contexts, clock), new ServerInstance("publishing-tests"), clock, logger);

    private async Task MigrateAsync()
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        await db.Database.MigrateAsync(Cancel);
    }

    private async Task<ArticleStatus> StatusAsync(int id)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        return await db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Cancel);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"Not {what} within 10 s.");
            await Task.Delay(50, Cancel);
        }
    }
}

/// <summary>The job as the server registers it: on the host's clock, reading the host's settings.</summary>
public sealed class ScheduledPublishingHostTests(ScheduledPublishingApi api) : IClassFixture<ScheduledPublishingApi>
{
    private const string Query = """{ article(slug: "opens-at-ten-past") { slug publishedAt } }""";

    [Fact]
    public async Task A_scheduled_story_goes_public_at_the_first_tick_after_its_time()
    {
        var client = api.CreateClientOrSkip();
        Assert.Equal(JsonValueKind.Null, (await client.DataAsync(Query)).GetProperty("article").ValueKind);

        api.Clock.Advance(TimeSpan.FromSeconds(10));

        var elapsed = Stopwatch.StartNew();
        while ((await client.DataAsync(Query)).GetProperty("article").ValueKind == JsonValueKind.Null)
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), "The story did not go public within 10 s of the tick.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class ScheduledPublishingApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:Publishing:Enabled"] = "true",
        ["NewsCms:Publishing:IntervalSeconds"] = "10",
    };

    protected override Task SeedAsync() =>
        Database.Contexts.SaveAsync(TestContent.Article("opens-at-ten-past", TestContent.Now.AddSeconds(10), status: ArticleStatus.Scheduled));
}
