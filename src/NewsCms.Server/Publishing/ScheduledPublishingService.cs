using Microsoft.Extensions.Options;
using NewsCms.Core.Articles;

namespace NewsCms.Server.Publishing;

/// <summary>
/// Runs <see cref="ScheduledPublisher"/> every few seconds. Every server process may run it: the publisher claims
/// each story so that only one of them publishes it. A failed run (the database restarting, a network blip) is
/// logged and retried on the next tick; it never stops the host.
/// </summary>
internal sealed partial class ScheduledPublishingService(
    ScheduledPublisher publisher,
    IOptions<PublishingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds), clock);
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
            var published = await publisher.PublishDueAsync(stoppingToken);
            if (published.Count > 0)
            {
                LogPublished(logger, published.Count, string.Join(", ", published));
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled publishing is switched off (NewsCms:Publishing:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled article(s): {ArticleIds}")]
    private static partial void LogPublished(ILogger logger, int count, string articleIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
