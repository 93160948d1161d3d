using System.Collections.Concurrent;
using NewsCms.Core.Common;

namespace NewsCms.Core.PublicForms;

/// <summary>
/// Counts anonymous submissions (speaker and partner applications, newsletter sign-ups) per key in fixed windows and
/// refuses the ones over the limit with <see cref="ErrorCode.RateLimited"/>. Keys name what is counted, e.g.
/// <c>apply:address:203.0.113.7</c> or <c>subscribe:email:jo@example.com</c>. The counts live in this process:
/// several servers each allow the limit (see the scale-out notes).
/// </summary>
public sealed class SubmissionThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private long checks;

    /// <summary>Counts one submission under <paramref name="key"/>; throws when it is one more than <paramref name="limit"/> in <paramref name="window"/>.</summary>
    public void Count(string key, int limit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = clock.GetUtcNow();
        var current = windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, existing) => now - existing.Start >= window ? new Window(now, 1) : existing with { Count = existing.Count + 1 });
        if (Interlocked.Increment(ref checks) % 1024 == 0)
        {
            ForgetOldWindows(now, window);
        }

        if (current.Count > limit)
        {
            throw NewsCmsException.RateLimited(current.Start + window - now);
        }
    }

    /// <summary>Keeps the table from growing with every address that ever submitted once.</summary>
    private void ForgetOldWindows(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, existing) in windows)
        {
            if (now - existing.Start >= window)
            {
                windows.TryRemove(new KeyValuePair<string, Window>(key, existing));
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
