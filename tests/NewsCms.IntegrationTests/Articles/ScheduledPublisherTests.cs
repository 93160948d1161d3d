using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Data;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Scheduled publishing and embargo lifting: on time, audited, and exactly once however many run it.</summary>
public abstract class ScheduledPublisherTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ScheduledPublisher Publisher(IDbContextFactory<NewsCmsDbContext>? contexts = null) => new(contexts ?? database.Contexts, clock);

    [Fact]
    public async Task A_due_story_is_published_and_audited_while_a_future_one_waits_for_its_time()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var due = Scheduled("due-at-noon", now.AddMinutes(-1));
        var later = Scheduled("due-in-an-hour", now.AddHours(1));
        await database.Contexts.SaveAsync(due, later);

        var first = await Publisher().PublishDueAsync(Cancel);

        Assert.Contains(due.Id, first);
        Assert.DoesNotContain(later.Id, first);
        var published = await ReloadAsync(due.Id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(now.AddMinutes(-1), published.PublishedAt);
        Assert.Equal(now, published.UpdatedAt);
        Assert.Equal(2, published.Version);
        Assert.True(published.IsPublicAt(now));
        Assert.Equal(ArticleStatus.Scheduled, (await ReloadAsync(later.Id)).Status);

        var audit = Assert.Single(await AuditOfAsync(due.Id));
        Assert.Equal(ScheduledPublisher.PublishOperation, audit.Operation);
        Assert.Null(audit.ActorUserId);
        Assert.Equal("system:scheduled-publishing", audit.Actor);
        Assert.Equal(now, audit.OccurredAt);
        Assert.Contains("Title of due-at-noon", audit.Summary, StringComparison.Ordinal);
        Assert.Empty(await AuditOfAsync(later.Id));

        clock.Advance(TimeSpan.FromHours(1));
        var second = await Publisher().PublishDueAsync(Cancel);

        Assert.Contains(later.Id, second);
        Assert.DoesNotContain(due.Id, second);
        Assert.Equal(ArticleStatus.Published, (await ReloadAsync(later.Id)).Status);
        Assert.Single(await AuditOfAsync(due.Id));
        Assert.Single(await AuditOfAsync(later.Id));
    }

    [Fact]
    public async Task An_embargo_is_lifted_at_its_time_and_audited_as_such()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var embargoed = Scheduled("embargoed-results", now.AddMinutes(30), embargoUntil: now.AddMinutes(30));
        await database.Contexts.SaveAsync(embargoed);

        Assert.DoesNotContain(embargoed.Id, await Publisher().PublishDueAsync(Cancel));
        Assert.Equal(ArticleStatus.Scheduled, (await ReloadAsync(embargoed.Id)).Status);

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Contains(embargoed.Id, await Publisher().PublishDueAsync(Cancel));

        var lifted = await ReloadAsync(embargoed.Id);
        Assert.Equal(ArticleStatus.Published, lifted.Status);
        Assert.True(lifted.IsPublicAt(clock.GetUtcNow().UtcDateTime));
        var audit = Assert.Single(await AuditOfAsync(embargoed.Id));
        Assert.Equal(ScheduledPublisher.LiftEmbargoOperation, audit.Operation);
        Assert.Contains("embargo", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_whose_embargo_outlasts_its_publish_time_waits_for_the_embargo()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var held = Scheduled("held-by-embargo", now.AddHours(-1), embargoUntil: now.AddHours(1));
        await database.Contexts.SaveAsync(held);

        Assert.DoesNotContain(held.Id, await Publisher().PublishDueAsync(Cancel));
        Assert.Equal(ArticleStatus.Scheduled, (await ReloadAsync(held.Id)).Status);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Contains(held.Id, await Publisher().PublishDueAsync(Cancel));
        Assert.Equal(ScheduledPublisher.LiftEmbargoOperation, Assert.Single(await AuditOfAsync(held.Id)).Operation);
    }

    [Fact]
    public async Task Only_scheduled_stories_are_touched_whatever_their_dates()
    {
        database.RequireAvailable();
        var past = TestContent.Now.AddDays(-1);
        var others = new[] { ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.Unpublished, ArticleStatus.Archived }
            .Select(status => TestContent.Article($"untouched-{status}".ToLowerInvariant(), past, status: status))
            .ToList();
        await database.Contexts.SaveAsync([.. others]);

        var published = await Publisher().PublishDueAsync(Cancel);

        foreach (var article in others)
        {
            Assert.DoesNotContain(article.Id, published);
            var reloaded = await ReloadAsync(article.Id);
            Assert.Equal(article.Status, reloaded.Status);
            Assert.Equal(1, reloaded.Version);
            Assert.Empty(await AuditOfAsync(article.Id));
        }
    }

    [Fact]
    public async Task Publishers_racing_on_separate_connection_pools_publish_each_story_exactly_once()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var stories = Enumerable.Range(0, 30)
            .Select(i => Scheduled($"race-{i:D2}", now.AddSeconds(-i), embargoUntil: i % 5 == 0 ? now.AddSeconds(-i) : null))
            .ToList();
        await database.Contexts.SaveAsync([.. stories]);
        var ids = stories.Select(s => s.Id).ToHashSet();

        // Four pools stand for four server processes; two publishers on each stand for overlapping ticks.
        var pools = Enumerable.Range(0, 4).Select(_ => new PooledDbContextFactory<NewsCmsDbContext>(database.Options())).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = pools.SelectMany(pool => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Publisher(pool).PublishDueAsync(Cancel);
        }, Cancel))).ToList();
        start.SetResult();
        var results = await Task.WhenAll(runs);

        var claimed = results.SelectMany(r => r).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), claimed.Order());
        foreach (var story in stories)
        {
            var reloaded = await ReloadAsync(story.Id);
            Assert.Equal(ArticleStatus.Published, reloaded.Status);
            Assert.Equal(2, reloaded.Version);
            var audit = Assert.Single(await AuditOfAsync(story.Id));
            Assert.Equal(story.EmbargoUntil is null ? ScheduledPublisher.PublishOperation : ScheduledPublisher.LiftEmbargoOperation, audit.Operation);
        }
    }

    private static Article Scheduled(string slug, DateTime due, DateTime? embargoUntil = null)
    {
        var article = TestContent.Article(slug, due, status: ArticleStatus.Scheduled);
        article.EmbargoUntil = embargoUntil;
        return article;
    }

    private async Task<Article> ReloadAsync(int id)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Cancel);
    }

    private async Task<List<Core.Audit.AuditEntry>> AuditOfAsync(int articleId)
    {
        var entityId = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.AuditLog.AsNoTracking().Where(e => e.EntityType == nameof(Article) && e.EntityId == entityId).ToListAsync(Cancel);
    }
}

public sealed class SqliteScheduledPublisherTests(SqliteTestDatabase database) : ScheduledPublisherTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlScheduledPublisherTests(PostgreSqlTestDatabase database) : ScheduledPublisherTests<PostgreSqlTestDatabase>(database);
