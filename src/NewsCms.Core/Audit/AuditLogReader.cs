using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Audit;

/// <summary>
/// Which entries to read; every filter given must match. <see cref="EntityId"/> narrows <see cref="EntityType"/> to
/// one object; <see cref="Actor"/> is an e-mail address (any case) or a system job's name such as <c>system:cli</c>;
/// <see cref="From"/> (inclusive) and <see cref="Until"/> (exclusive) are UTC.
/// </summary>
public sealed record AuditLogFilter(
    string? EntityType = null,
    string? EntityId = null,
    string? Actor = null,
    string? Operation = null,
    DateTime? From = null,
    DateTime? Until = null)
{
    public static AuditLogFilter None { get; } = new();
}

/// <summary>
/// The audit log, newest first, for the people allowed to read it. Ids grow with every insert, so the id alone orders
/// the log and keys its cursor: a clock that is set back cannot reorder it or make a page skip an entry.
/// </summary>
public sealed class AuditLogReader(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public async Task<Page<AuditEntry>> ListAsync(StaffActor actor, AuditLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        actor.Require(Permission.ReadAuditLog);
        if (filter.From > filter.Until)
        {
            throw NewsCmsException.Invalid("until", "The end of the period comes before its start.");
        }

        var after = page.After is null ? (long?)null : DecodeCursor(page.After);
        if (page.First == 0)
        {
            return new Page<AuditEntry>([], false, after is not null, CursorOf);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var entityType = filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == entityType);
            if (filter.EntityId is { } entityId)
            {
                query = query.Where(e => e.EntityId == entityId);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Operation))
        {
            var operation = filter.Operation.Trim();
            query = query.Where(e => e.Operation == operation);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(e => e.OccurredAt < until);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Entries keep the e-mail as it was; the account's id finds them even after the address changed.
            var name = filter.Actor.Trim();
            var normalized = name.ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
            query = userId is { } id ? query.Where(e => e.ActorUserId == id) : query.Where(e => e.ActorUserId == null && e.Actor == name);
        }

        if (after is { } position)
        {
            query = query.Where(e => e.Id < position);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<AuditEntry>(rows, hasNext, after is not null, CursorOf);
    }

    public static string CursorOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"audit:{entry.Id}")));
    }

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (raw.StartsWith("audit:", StringComparison.Ordinal)
                && long.TryParse(raw.AsSpan("audit:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw NewsCmsException.Invalid("after", "'after' is not a cursor this API issued.");
    }
}
