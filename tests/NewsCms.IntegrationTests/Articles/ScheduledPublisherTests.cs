using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Scheduled publishing and embargo lifting: on time, audited, kept as a revision, and exactly once however many run it.</summary>
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

        var revision = Assert.Single(await RevisionsOfAsync(due.Id));
        AssertSavedByTheJob(revision, 1, ScheduledPublisher.PublishOperation, now);
        Assert.Equal(("Title of due-at-noon", "due-at-noon", "Summary of due-at-noon", due.Body!.Markdown), (revision.Title, revision.Slug, revision.Summary, revision.Markdown));
        Assert.Empty(await RevisionsOfAsync(later.Id));

        clock.Advance(TimeSpan.FromHours(1));
        var second = await Publisher().PublishDueAsync(Cancel);

        Assert.Contains(later.Id, second);
        Assert.DoesNotContain(due.Id, second);
        Assert.Equal(ArticleStatus.Published, (await ReloadAsync(later.Id)).Status);
        Assert.Single(await AuditOfAsync(due.Id));
        Assert.Single(await AuditOfAsync(later.Id));
        Assert.Single(await RevisionsOfAsync(due.Id));
        AssertSavedByTheJob(Assert.Single(await RevisionsOfAsync(later.Id)), 1, ScheduledPublisher.PublishOperation, now.AddHours(1));
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
        var revision = Assert.Single(await RevisionsOfAsync(embargoed.Id));
        AssertSavedByTheJob(revision, 1, ScheduledPublisher.LiftEmbargoOperation, now.AddMinutes(30));
        Assert.Equal(now.AddMinutes(30), ArticleRevisionMetadata.Parse(revision.Metadata).EmbargoUntil);
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
        Assert.Equal(ScheduledPublisher.LiftEmbargoOperation, Assert.Single(await RevisionsOfAsync(held.Id)).Operation);
    }

    [Fact]
    public async Task A_story_written_and_scheduled_by_staff_goes_live_as_its_next_revision_with_its_content_unchanged()
    {
        database.RequireAvailable();
        var editor = new StaffActor(701, "editor701@newscms.test", new HashSet<string> { StaffRoles.Editor });
        var section = TestContent.Section("job-revision-desk");
        var author = TestContent.Author("job-revision-author");
        await database.Contexts.SaveAsync(section, author);
        var renderer = new MarkdownRenderer();
        var editing = new ArticleEditor(database.Contexts, renderer, TestContent.MediaUrls, clock);
        var draft = new ArticleDraft
        {
            Title = "Rates decision",
            Slug = "job-revision-rates",
            Summary = "The bank's decision.",
            SectionId = section.Id,
            AuthorIds = [author.Id],
            Markdown = "## Decision\n\nRates are held.",
        };
        var created = await editing.CreateAsync(editor, draft, Cancel);
        var scheduled = await new ArticlePublisher(database.Contexts, clock).ScheduleAsync(editor, created.Id, created.Version, TestContent.Now.AddHours(1), Cancel);
        var edited = await editing.UpdateAsync(editor, created.Id, scheduled.Version, draft with { Markdown = "## Decision\n\nRates are held at 4%." }, Cancel);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Contains(created.Id, await Publisher().PublishDueAsync(Cancel));
        Assert.Empty(await Publisher().PublishDueAsync(Cancel));

        var revisions = new ArticleRevisions(database.Contexts, renderer, TestContent.MediaUrls, clock);
        var history = await revisions.ListAsync(editor, created.Id, Cancel);
        Assert.Equal(
            [(4, ScheduledPublisher.PublishOperation), (3, ArticleOperations.Update), (2, ArticleOperations.Schedule), (1, ArticleOperations.Create)],
            history.Select(r => (r.Number, r.Operation)));
        AssertSavedByTheJob(history[0], 4, ScheduledPublisher.PublishOperation, TestContent.Now.AddHours(1));
        Assert.Equal(edited.Version + 1, (await ReloadAsync(created.Id)).Version);

        // Going live changes the status, not the content: against the editor's last save the diff is all unchanged lines.
        var diff = await revisions.DiffAsync(editor, created.Id, 3, 4, Cancel);
        Assert.Contains(diff, line => line.Text == "Rates are held at 4%.");
        Assert.All(diff, line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));
        Assert.Equal([author.Id], ArticleRevisionMetadata.Parse(history[0].Metadata).AuthorIds);
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
            Assert.Empty(await RevisionsOfAsync(article.Id));
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

        // Two earlier saves each, so that every winner must number its revision 3 and every loser would collide with it.
        await database.Contexts.SaveAsync([.. stories.SelectMany(s => new[] { StaffRevision(s, 1), StaffRevision(s, 2) })]);

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
            var operation = story.EmbargoUntil is null ? ScheduledPublisher.PublishOperation : ScheduledPublisher.LiftEmbargoOperation;
            Assert.Equal(operation, Assert.Single(await AuditOfAsync(story.Id)).Operation);
            var revisions = await RevisionsOfAsync(story.Id);
            Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
            AssertSavedByTheJob(revisions[2], 3, operation, now);
        }
    }

    private static ArticleRevision StaffRevision(Article article, int number) => new()
    {
        ArticleId = article.Id,
        Number = number,
        CreatedAt = TestContent.Now.AddDays(-1),
        ActorUserId = 701,
        Actor = "editor701@newscms.test",
        Operation = number == 1 ? ArticleOperations.Create : ArticleOperations.Schedule,
        Title = article.Title,
        Slug = article.Slug,
    };

    private static void AssertSavedByTheJob(ArticleRevision revision, int number, string operation, DateTime at)
    {
        Assert.Equal((number, operation, at), (revision.Number, revision.Operation, revision.CreatedAt));
        Assert.Null(revision.ActorUserId);
        Assert.Equal("system:scheduled-publishing", revision.Actor);
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

    private async Task<List<ArticleRevision>> RevisionsOfAsync(int articleId)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderBy(r => r.Number).ToListAsync(Cancel);
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
