using Microsoft.Extensions.Options;
using NewsCms.Core.Articles;
using NewsCms.Core.Jobs;
using NewsCms.Server.Hosting;

namespace NewsCms.Server.Publishing;

/// <summary>
/// Runs <see cref="ScheduledPublisher"/> every few seconds, on the one replica holding the job's lease; the publisher
/// still claims each story, so that even two runs at once publish it only once. A failed run (the database restarting, a network blip) is
/// logged and retried on the next tick; it never stops the host.
/// </summary>
internal sealed partial class ScheduledPublishingService(
    ScheduledPublisher publisher,
    IOptions<PublishingOptions> options,
    JobLeases leases,
    ServerInstance instance,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : PeriodicJob(leases, instance, clock, logger)
{
    protected override string Name => "Scheduled publishing";

    protected override string LeaseName => ScheduledPublisher.JobName;

    protected override TimeSpan? Interval => options.Value.Enabled ? TimeSpan.FromSeconds(options.Value.IntervalSeconds) : null;

    protected override string SwitchedOffBy => "NewsCms:Publishing:Enabled=false";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var published = await publisher.PublishDueAsync(stoppingToken);
        if (published.Count > 0)
        {
            LogPublished(logger, published.Count, string.Join(", ", published));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled article(s): {ArticleIds}")]
    private static partial void LogPublished(ILogger logger, int count, string articleIds);
}
