using Microsoft.Extensions.Options;
using NewsCms.Core.Applications;
using NewsCms.Core.Jobs;
using NewsCms.Server.Hosting;

namespace NewsCms.Server.Applications;

/// <summary>
/// Runs <see cref="ApplicationRetention.EraseExpiredAsync"/> on start and then every few hours, on the one replica
/// holding the job's lease; a second run at once would find nothing left to erase. A failed run is logged and
/// retried on the next tick.
/// </summary>
internal sealed partial class ApplicationRetentionService(
    ApplicationRetention retention,
    IOptions<ApplicationOptions> options,
    JobLeases leases,
    ServerInstance instance,
    TimeProvider clock,
    ILogger<ApplicationRetentionService> logger) : PeriodicJob(leases, instance, clock, logger)
{
    protected override string Name => "Application retention";

    protected override string LeaseName => "application-retention";

    protected override TimeSpan? Interval =>
        options.Value.RetentionIntervalHours > 0 ? TimeSpan.FromHours(options.Value.RetentionIntervalHours) : null;

    protected override string SwitchedOffBy => "NewsCms:Applications:RetentionIntervalHours=0";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var erased = await retention.EraseExpiredAsync(stoppingToken);
        if (erased > 0)
        {
            LogErased(logger, erased);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} declined or withdrawn application(s) past the retention period")]
    private static partial void LogErased(ILogger logger, int count);
}
