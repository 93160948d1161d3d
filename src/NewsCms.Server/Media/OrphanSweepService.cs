using Microsoft.Extensions.Options;
using NewsCms.Core.Media;

namespace NewsCms.Server.Media;

/// <summary>
/// Runs <see cref="OrphanMediaSweeper"/> on an interval. Every server process may run it: they delete the same
/// orphans, and deleting a missing blob is no error. A failed run is logged and retried on the next tick.
/// </summary>
internal sealed partial class OrphanSweepService(
    OrphanMediaSweeper sweeper,
    IOptions<MediaStorageOptions> options,
    TimeProvider clock,
    ILogger<OrphanSweepService> logger) : BackgroundService
{
    private const int LoggedKeys = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepIntervalMinutes;
        if (interval == 0)
        {
            LogDisabled(logger);
            return;
        }

        // The first sweep waits one interval: a server that restarts often (a deployment, a scale-out) should not
        // list the whole store each time it starts.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(interval), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var removed = await sweeper.SweepAsync(stoppingToken);
            if (removed.Count > 0)
            {
                // The first sweep of a neglected store can remove thousands: name a few, count them all.
                var named = string.Join(", ", removed.Take(LoggedKeys).Select(blob => blob.Key));
                var more = removed.Count > LoggedKeys ? $" and {removed.Count - LoggedKeys} more" : "";
                LogRemoved(logger, removed.Count, removed.Sum(blob => blob.Length), named + more);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The orphan media sweep is switched off (NewsCms:Media:SweepIntervalMinutes=0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} orphan media blob(s), {Bytes} bytes: {Keys}")]
    private static partial void LogRemoved(ILogger logger, int count, long bytes, string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The orphan media sweep failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
