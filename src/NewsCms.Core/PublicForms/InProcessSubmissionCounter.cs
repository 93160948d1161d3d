using System.Collections.Concurrent;

namespace NewsCms.Core.PublicForms;

/// <summary>
/// Counts in this process's memory: exact for one server, but several servers each allow the limit. The default
/// when no shared store is configured, and what the shared one falls back to while its store is unreachable.
/// </summary>
public sealed class InProcessSubmissionCounter(TimeProvider clock) : ISubmissionCounter
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private long increments;

    public Task<SubmissionWindow> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = clock.GetUtcNow();
        var current = windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, existing) => now - existing.Start >= window ? new Window(now, 1) : existing with { Count = existing.Count + 1 });
        if (Interlocked.Increment(ref increments) % 1024 == 0)
        {
            ForgetOldWindows(now, window);
        }

        return Task.FromResult(new SubmissionWindow(current.Count, current.Start + window - now));
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

    private sealed record Window(DateTimeOffset Start, long Count);
}
