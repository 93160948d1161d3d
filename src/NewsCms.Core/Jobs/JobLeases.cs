using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Jobs;

/// <summary>
/// Leases that let exactly one of several server processes on one database run a background job. Taking and renewing
/// are one conditional statement each, which every provider applies atomically: of two processes racing for a free
/// lease, the database lets exactly one update (or, the very first time, one insert) succeed.
/// </summary>
/// <remarks>
/// Expiry is read on each process's own clock: replicas whose clocks differ by a fraction of the lease still agree,
/// and the jobs' own per-item claims stay the guard for the rare overlap.
/// </remarks>
public sealed class JobLeases(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Takes the lease on <paramref name="name"/> for <paramref name="duration"/> when it is free or has run out, or
    /// renews it when <paramref name="holder"/> holds it; false while another holder's lease runs.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        // Checked before inserting, so that a replica waiting its turn does not fail an insert (and log it) every tick.
        if (await ExistsAsync(db, name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // The first run of a job on several replicas at once: the primary key let another one in.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await ExistsAsync(check, name, cancellationToken))
            {
                return false;
            }

            throw new InvalidOperationException($"The lease on '{name}' could not be taken.", ex);
        }
    }

    /// <summary>Ends <paramref name="holder"/>'s lease at once, so a replica stopping on purpose hands over without the wait.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.JobLeases
            .Where(l => l.Name == name && l.Holder == holder && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    private static Task<bool> ExistsAsync(NewsCmsDbContext db, string name, CancellationToken cancellationToken) =>
        db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken);
}
