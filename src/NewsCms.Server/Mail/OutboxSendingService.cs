using Microsoft.Extensions.Options;
using NewsCms.Core.Jobs;
using NewsCms.Core.Mail;
using NewsCms.Server.Hosting;

namespace NewsCms.Server.Mail;

/// <summary>
/// Runs <see cref="OutboxSender"/> every few seconds, on the one replica holding the job's lease; the sender still
/// claims each message, so that even two runs at once send it only once. A failed run (the database restarting) is logged and retried on the next tick;
/// a failed message is the sender's to retry.
/// </summary>
internal sealed partial class OutboxSendingService(
    OutboxSender sender,
    IOptions<MailOptions> options,
    JobLeases leases,
    ServerInstance instance,
    TimeProvider clock,
    ILogger<OutboxSendingService> logger) : PeriodicJob(leases, instance, clock, logger)
{
    protected override string Name => "Mail sending";

    protected override string LeaseName => "mail-sending";

    protected override TimeSpan? Interval =>
        options.Value.IntervalSeconds == 0 ? null : TimeSpan.FromSeconds(options.Value.IntervalSeconds);

    protected override string SwitchedOffBy => "NewsCms:Mail:IntervalSeconds=0";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} outbox message(s): {Ids}")]
    private static partial void LogSent(ILogger logger, int count, string ids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox message(s) failed and will be retried, or were given up: {Ids}")]
    private static partial void LogFailed(ILogger logger, int count, string ids);
}
