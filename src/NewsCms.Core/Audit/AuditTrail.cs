using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Audit;

/// <summary>
/// Adds the audit row to the context that holds the change, so one SaveChanges writes both or neither.
/// </summary>
public static class AuditTrail
{
    public static AuditEntry Record(this NewsCmsDbContext db, StaffActor actor, DateTime utcNow, string operation, string entityType, object entityId, string summary)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = Entry(actor.UserId, actor.Email, utcNow, operation, entityType, entityId, summary);
        db.Add(entry);
        return entry;
    }

    /// <summary>For work the server does on its own, such as the scheduler; <paramref name="job"/> names it.</summary>
    public static AuditEntry RecordSystem(this NewsCmsDbContext db, string job, DateTime utcNow, string operation, string entityType, object entityId, string summary)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = Entry(null, SystemActor(job), utcNow, operation, entityType, entityId, summary);
        db.Add(entry);
        return entry;
    }

    /// <summary>How a job is named where a staff member's e-mail would stand, in the audit log and in revisions.</summary>
    public static string SystemActor(string job) => $"system:{job}";

    private static AuditEntry Entry(int? userId, string actor, DateTime utcNow, string operation, string entityType, object entityId, string summary) => new()
    {
        OccurredAt = utcNow,
        ActorUserId = userId,
        Actor = Truncate(actor, AuditEntry.ActorMaxLength),
        Operation = operation,
        EntityType = entityType,
        EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Summary = Truncate(summary, AuditEntry.SummaryMaxLength),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
