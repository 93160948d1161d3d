using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Editing;

/// <summary>Staff callers of each role, as the GraphQL layer hands them to the core services.</summary>
internal static class TestActors
{
    public static StaffActor Administrator { get; } = Of(StaffRoles.Administrator, 1);

    public static StaffActor Editor { get; } = Of(StaffRoles.Editor, 2);

    public static StaffActor Writer { get; } = Of(StaffRoles.Writer, 3);

    public static StaffActor Partnerships { get; } = Of(StaffRoles.Partnerships, 4);

    private static StaffActor Of(string role, int userId) => new(userId, $"{role.ToLowerInvariant()}@newscms.test", new HashSet<string> { role });
}

internal static class EditingAssertions
{
    public static async Task<NewsCmsException> FailsWith(ErrorCode code, Func<Task> write)
    {
        var error = await Assert.ThrowsAsync<NewsCmsException>(write);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>Null when <paramref name="write"/> succeeds, else its refusal: for racing writes, where either may win.</summary>
    public static async Task<NewsCmsException?> RefusalOf(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (NewsCmsException refusal)
        {
            return refusal;
        }
    }

    /// <summary>The audit rows of one entity, oldest first: operation and acting user.</summary>
    public static async Task<List<(string Operation, int? ActorUserId)>> AuditOf(this TestDatabase database, string entityType, int id)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        var rows = await db.AuditLog.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Operation, e.ActorUserId })
            .ToListAsync();
        return rows.Select(r => (r.Operation, r.ActorUserId)).ToList();
    }

    /// <summary>Audit rows whose summary mentions <paramref name="text"/>: how a refused create is shown to have left none.</summary>
    public static async Task<int> AuditMentioning(this TestDatabase database, string text)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        return await db.AuditLog.CountAsync(e => e.Summary.Contains(text));
    }

    /// <summary>
    /// Contexts whose first save runs <paramref name="write"/> just before it: another editor winning the race
    /// between a service's checks and its write.
    /// </summary>
    public static IDbContextFactory<NewsCmsDbContext> WithWriteJustBeforeSave(this TestDatabase database, Func<NewsCmsDbContext, Task> write) =>
        new PooledDbContextFactory<NewsCmsDbContext>(
            new DbContextOptionsBuilder<NewsCmsDbContext>(database.Options()).AddInterceptors(new RacingWriter(database, write)).Options);

    /// <summary>
    /// Contexts whose saves wait at <paramref name="barrier"/> until every racing writer has made its checks: the
    /// moment where two writers that each passed a check about the other's row are about to write.
    /// </summary>
    public static IDbContextFactory<NewsCmsDbContext> WithSavesMeetingAt(this TestDatabase database, RaceBarrier barrier) =>
        new PooledDbContextFactory<NewsCmsDbContext>(
            new DbContextOptionsBuilder<NewsCmsDbContext>(database.Options()).AddInterceptors(barrier).Options);

    private sealed class RacingWriter(TestDatabase database, Func<NewsCmsDbContext, Task> write) : SaveChangesInterceptor
    {
        private int fired;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref fired, 1) == 0)
            {
                await using var other = await database.Contexts.CreateDbContextAsync(cancellationToken);
                await write(other);
            }

            return result;
        }
    }
}

/// <summary>
/// Holds each save until <see cref="Arm"/>'s number of writers have all arrived, so that all of them have read before
/// any writes. A writer the database itself makes wait (SQLite lets one writer in at a time) never arrives, so the
/// others go on after a short timeout instead of waiting for it forever.
/// </summary>
internal sealed class RaceBarrier : SaveChangesInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waiting;

    /// <summary>Starts a race of <paramref name="writers"/> writers.</summary>
    public void Arm(int writers)
    {
        all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting = writers;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var race = all;
        if (Interlocked.Decrement(ref waiting) <= 0)
        {
            race.TrySetResult();
        }

        try
        {
            await race.Task.WaitAsync(Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            race.TrySetResult();
        }

        return result;
    }
}
