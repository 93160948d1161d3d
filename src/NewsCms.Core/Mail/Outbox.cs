using NewsCms.Core.Data;

namespace NewsCms.Core.Mail;

public static class Outbox
{
    /// <summary>
    /// Adds a message to the same context as the change that calls for it: one SaveChanges writes both, or neither.
    /// </summary>
    public static OutboxMessage Enqueue(this NewsCmsDbContext db, OutboxMessage message, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        message.CreatedAt = utcNow;
        message.NextAttemptAt = utcNow;
        db.OutboxMessages.Add(message);
        return message;
    }
}
