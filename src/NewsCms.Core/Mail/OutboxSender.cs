using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Data;

namespace NewsCms.Core.Mail;

/// <summary>
/// Sends the outbox messages whose time has come, oldest first, and retries failures with exponential backoff.
/// Several server processes may run it against one database at once: each message is claimed by a conditional update
/// that moves its next attempt out of reach before it is sent, so no two processes send the same message.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<NewsCmsDbContext> contexts,
    IMailTransport transport,
    IOptions<OutboxSendingOptions> options,
    TimeProvider clock)
{
    public const int LastErrorMaxLength = 2000;

    /// <summary>
    /// How long a claimed message is hidden from other senders. Longer than any send can take, so a message is only
    /// taken again if its sender died halfway (then it may go out twice, which beats never).
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(6);

    /// <summary>Sends one batch of due messages; returns what this call did (not what another process did).</summary>
    public async Task<OutboxSendResult> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < settings.MaxAttempts)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var sent = new List<long>();
        var failed = new List<long>();
        foreach (var message in due)
        {
            if (!await TryClaimAsync(db, message, now, cancellationToken))
            {
                continue;
            }

            try
            {
                await transport.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(db, message, e, settings.MaxAttempts);
                failed.Add(message.Id);
                continue;
            }

            // Not cancelled with the run: a message that went out must be marked, or it goes out again.
            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            sent.Add(message.Id);
        }

        return new OutboxSendResult(sent, failed);
    }

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failures: 1 min, 2, 4, ... at most 6 h.</summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    /// <summary>
    /// The update names the next attempt time that was read, so of two senders that read the same message only the
    /// first one's update changes the row; the other sees 0 rows and moves on.
    /// </summary>
    private static async Task<bool> TryClaimAsync(NewsCmsDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var leaseEnd = now + ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == message.NextAttemptAt)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leaseEnd), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Not cancelled with the run: a failure that happened must be recorded, or the backoff is lost.</summary>
    private async Task RecordFailureAsync(NewsCmsDbContext db, OutboxMessage message, Exception error, int maxAttempts)
    {
        var attempts = message.Attempts + 1;
        var failedAt = clock.GetUtcNow().UtcDateTime;
        var reason = $"{error.GetType().Name}: {error.Message}";
        var lastError = attempts >= maxAttempts ? $"Gave up after {attempts} attempts. {reason}" : reason;
        if (lastError.Length > LastErrorMaxLength)
        {
            lastError = lastError[..LastErrorMaxLength];
        }

        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.NextAttemptAt, failedAt + RetryDelay(attempts)),
                CancellationToken.None);
    }
}

/// <summary>The ids of the messages one run sent and of those that failed (and will be retried, or were given up).</summary>
public sealed record OutboxSendResult(IReadOnlyList<long> Sent, IReadOnlyList<long> Failed);
