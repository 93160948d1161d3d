using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Common;

/// <summary>
/// Saving what an editor changed, with optimistic concurrency: the caller names the version they read, and a writer
/// who saved in between makes the change a conflict instead of silently undoing theirs.
/// </summary>
internal static class VersionedSaves
{
    public const string VersionProperty = "Version";

    /// <summary>The check before anything is written: the caller must have read what is stored now.</summary>
    public static void Expect(string what, int currentVersion, int expectedVersion)
    {
        if (currentVersion != expectedVersion)
        {
            throw NewsCmsException.StaleVersion(what, currentVersion);
        }
    }

    /// <summary>
    /// One SaveChanges for the change and its audit row. A writer who won a race after the version check becomes the
    /// same conflict a stale version is; a constraint a racing writer broke first (a slug taken, a reference added)
    /// is found again by <paramref name="recheck"/>, which throws the rule's own error.
    /// </summary>
    public static async Task SaveAsync(NewsCmsDbContext db, string what, Func<Task>? recheck, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException race)
        {
            throw await ConflictOfAsync(race, what, cancellationToken);
        }
        catch (DbUpdateException) when (recheck is not null)
        {
            await recheck();
            throw;
        }
    }

    /// <summary>
    /// Adds a row whose id the audit row must name: the row is saved first to learn its id, then the audit row, in
    /// one transaction. Each attempt of the execution strategy (SQL Server retries on transient failures) starts
    /// from a fresh context, so a retry never sees half of a previous attempt.
    /// </summary>
    public static async Task<T> CreateAsync<T>(
        IDbContextFactory<NewsCmsDbContext> contexts,
        Func<NewsCmsDbContext, Task<T>> add,
        Action<NewsCmsDbContext, T> audit,
        Func<Task>? recheck,
        CancellationToken cancellationToken)
    {
        await using var strategyContext = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var created = await add(db);
                await db.SaveChangesAsync(cancellationToken);
                audit(db, created);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return created;
            });
        }
        catch (DbUpdateException) when (recheck is not null)
        {
            await recheck();
            throw;
        }
    }

    private static async Task<NewsCmsException> ConflictOfAsync(DbUpdateConcurrencyException race, string what, CancellationToken cancellationToken)
    {
        var entry = race.Entries.FirstOrDefault(e => e.Metadata.FindProperty(VersionProperty) is not null);
        var stored = entry is null ? null : await entry.GetDatabaseValuesAsync(cancellationToken);
        return stored is null
            ? NewsCmsException.NotFound(what) // deleted by the writer who won
            : NewsCmsException.StaleVersion(what, stored.GetValue<int>(VersionProperty));
    }
}
