using Microsoft.Extensions.Options;
using NewsCms.Core.Applications;

namespace NewsCms.Server.Applications;

/// <summary>
/// Runs <see cref="ApplicationRetention.EraseExpiredAsync"/> on start and then every few hours. Several servers may
/// run it at once: a second run finds nothing left to erase. A failed run is logged and retried on the next tick.
/// </summary>
internal sealed partial class ApplicationRetentionService(
    ApplicationRetention retention,
    IOptions<ApplicationOptions> options,
    TimeProvider clock,
    ILogger<ApplicationRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = options.Value.RetentionIntervalHours;
        if (hours <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours), clock);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
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
            var erased = await retention.EraseExpiredAsync(stoppingToken);
            if (erased > 0)
            {
                LogErased(logger, erased);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} declined or withdrawn application(s) past the retention period")]
    private static partial void LogErased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application retention failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
