using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Common;

/// <summary>
/// A check and the write that relies on it, for the few rules that read rows other than the one written: the last
/// active administrator, a section never below itself. Under read committed two writers can both pass such a check
/// and together break the rule (write skew), so these run serializable. That needs no SQL of any provider and no
/// shared lock row every writer must remember to touch; the database finds the conflicting pair itself:
/// PostgreSQL aborts one of them with SQLSTATE 40001, SQL Server picks a deadlock victim that its retrying
/// execution strategy runs again, SQLite lets only one writer in at a time anyway. The aborted writer runs the
/// whole check again, sees what the winner wrote, and answers as it would have if it had come second.
/// </summary>
internal static class SerializableWrites
{
    private const int Attempts = 5;

    /// <summary>
    /// Runs <paramref name="write"/> (checks, changes and audit rows, saved by the delegate) in one serializable
    /// transaction on <paramref name="db"/>, with a clean change tracker for every attempt; a failed attempt leaves
    /// nothing written.
    /// </summary>
    public static async Task<T> RunAsync<T>(NewsCmsDbContext db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
                    var result = await write();
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                });
            }
            catch (Exception failure) when (IsSerializationFailure(failure))
            {
                if (attempt == Attempts)
                {
                    throw new NewsCmsException(ErrorCode.Conflict, "Others were making a related change at the same moment; try again.");
                }

                // Two writers that abort each other and retry in step can abort each other again (seen on a busy
                // two-core machine); a random pause that grows with each attempt lets one of them go first.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// SQLSTATE 40001 (serialization failure) or 40P01 (deadlock), however the provider or EF wrapped it. SQL Server
    /// reports no SQLSTATE; its deadlocks are retried by its execution strategy instead.
    /// </summary>
    private static bool IsSerializationFailure(Exception failure)
    {
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }
}
