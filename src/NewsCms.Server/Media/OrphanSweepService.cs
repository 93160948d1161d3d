using Microsoft.Extensions.Options;
using NewsCms.Core.Jobs;
using NewsCms.Core.Media;
using NewsCms.Server.Hosting;

namespace NewsCms.Server.Media;

/// <summary>
/// Runs <see cref="OrphanMediaSweeper"/> on an interval, on the one replica holding the job's lease, so the store is
/// listed once per interval however many replicas run. Two runs at once would still be harmless: they delete the
/// same orphans, and deleting a missing blob is no error. A failed run is logged and retried on the next tick.
/// </summary>
internal sealed partial class OrphanSweepService(
    OrphanMediaSweeper sweeper,
    IOptions<MediaStorageOptions> options,
    JobLeases leases,
    ServerInstance instance,
    TimeProvider clock,
    ILogger<OrphanSweepService> logger) : PeriodicJob(leases, instance, clock, logger)
{
    private const int LoggedKeys = 20;

    protected override string Name => "The orphan media sweep";

    protected override string LeaseName => "orphan-media-sweep";

    protected override TimeSpan? Interval =>
        options.Value.SweepIntervalMinutes == 0 ? null : TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes);

    protected override string SwitchedOffBy => "NewsCms:Media:SweepIntervalMinutes=0";

    // The first sweep waits one interval: a server that restarts often (a deployment, a scale-out) should not list
    // the whole store each time it starts.
    protected override bool RunsAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} orphan media blob(s), {Bytes} bytes: {Keys}")]
    private static partial void LogRemoved(ILogger logger, int count, long bytes, string keys);
}
