using Microsoft.Extensions.Options;
using NewsCms.Core.Mail;

namespace NewsCms.Server.Mail;

/// <summary>
/// Runs <see cref="OutboxSender"/> every few seconds. Every server process may run it: the sender claims each message
/// so that only one of them sends it. A failed run (the database restarting) is logged and retried on the next tick;
/// a failed message is the sender's to retry.
/// </summary>
internal sealed partial class OutboxSendingService(
    OutboxSender sender,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSendingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IntervalSeconds;
        if (interval == 0)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), clock);
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
            var result = await sender.SendDueAsync(stoppingToken);
            if (result.Sent.Count > 0)
            {
                LogSent(logger, result.Sent.Count, string.Join(", ", result.Sent));
            }

            if (result.Failed.Count > 0)
            {
                LogFailed(logger, result.Failed.Count, string.Join(", ", result.Failed));
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sending is switched off in this process (NewsCms:Mail:IntervalSeconds=0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} outbox message(s): {Ids}")]
    private static partial void LogSent(ILogger logger, int count, string ids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox message(s) failed and will be retried, or were given up: {Ids}")]
    private static partial void LogFailed(ILogger logger, int count, string ids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox run failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
