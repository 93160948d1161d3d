using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Data;

namespace NewsCms.Core.Articles;

/// <summary>
/// Publishes scheduled stories whose time has come and lifts embargoes that have run out. Several server processes
/// may run it against one database at once: each story is claimed by a conditional update, and only the process
/// whose update changed the row writes the audit entry, so every story is published and audited exactly once.
/// </summary>
public sealed class ScheduledPublisher(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string JobName = "scheduled-publishing";
    public const string PublishOperation = "publishScheduled";
    public const string LiftEmbargoOperation = "liftEmbargo";

    private const int BatchSize = 100;

    /// <summary>Publishes every story due now; returns the ids this call published (not those another process took).</summary>
    public async Task<IReadOnlyList<int>> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = new List<int>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Walk the due stories in (due time, id) order so that a story whose claim fails (edited meanwhile) is left
        // for the next run instead of being fetched again and again in this one.
        DueArticle? last = null;
        while (true)
        {
            var batch = await Due(db, now, last).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var article in batch)
            {
                if (await TryPublishAsync(db, article, now, cancellationToken))
                {
                    published.Add(article.Id);
                }
            }

            if (batch.Count < BatchSize)
            {
                return published;
            }

            last = batch[^1];
        }
    }

    private static IQueryable<DueArticle> Due(NewsCmsDbContext db, DateTime now, DueArticle? after)
    {
        var due = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now));
        if (after is not null)
        {
            due = due.Where(a => a.PublishedAt > after.PublishedAt || (a.PublishedAt == after.PublishedAt && a.Id > after.Id));
        }

        return due.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new DueArticle(a.Id, a.Title, a.PublishedAt!.Value, a.EmbargoUntil, a.Version));
    }

    /// <summary>
    /// Claims one story and audits it in one transaction. The update names the version that was read, so the audit
    /// entry describes exactly the row that was published; a story edited in between waits for the next run.
    /// </summary>
    private static Task<bool> TryPublishAsync(NewsCmsDbContext db, DueArticle article, DateTime now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var claimed = await db.Articles
                .Where(a => a.Id == article.Id && a.Version == article.Version && a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(a => a.Status, ArticleStatus.Published)
                        .SetProperty(a => a.UpdatedAt, now)
                        .SetProperty(a => a.Version, a => a.Version + 1),
                    cancel);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancel);
                return false;
            }

            if (article.EmbargoUntil is { } embargo)
            {
                db.RecordSystem(JobName, now, LiftEmbargoOperation, nameof(Article), article.Id,
                    $"Lifted the embargo of {Stamp(embargo)} on \"{article.Title}\" and published it.");
            }
            else
            {
                db.RecordSystem(JobName, now, PublishOperation, nameof(Article), article.Id,
                    $"Published \"{article.Title}\" as scheduled for {Stamp(article.PublishedAt)}.");
            }

            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return true;
        }, cancellationToken);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private sealed record DueArticle(int Id, string Title, DateTime PublishedAt, DateTime? EmbargoUntil, int Version);
}
