using NewsCms.Core.Jobs;

namespace NewsCms.Server.Hosting;

/// <summary>
/// The loop every background job of the server shares: switched off by its setting, ticking on the injected clock
/// (so tests move time instead of waiting), run by one replica at a time, and never stopping the host: a failed run
/// is logged and the next tick tries again.
/// </summary>
/// <remarks>
/// Every replica ticks, but a tick only runs the job while this process holds the job's <see cref="JobLease"/>: it
/// takes or renews the lease first (see <see cref="LeaseFor"/>), so that one late tick does not lose it and a holder
/// that dies hands over about when its next run was due. The jobs' own per-item claims stay, for the overlap when a
/// lease runs out in the middle of a long run.
/// </remarks>
internal abstract partial class PeriodicJob(JobLeases leases, ServerInstance instance, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The most a lease outlasts the next tick: bounds the hand-over of a job that runs once a day.</summary>
    public static readonly TimeSpan MaxLeaseMargin = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private bool? holdsLease;

    /// <summary>How the logs name the job, such as "Scheduled publishing".</summary>
    protected abstract string Name { get; }

    /// <summary>The name of the job's lease, shared by every replica, such as "scheduled-publishing".</summary>
    protected abstract string LeaseName { get; }

    /// <summary>The time between runs, or null when the job is switched off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>The setting that switches the job off, for the log line saying it is off.</summary>
    protected abstract string SwitchedOffBy { get; }

    /// <summary>Whether the first run happens at start, or only after one interval.</summary>
    protected virtual bool RunsAtStart => true;

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>
    /// How long a lease taken or renewed at a tick lasts: past the next tick by two intervals (a few seconds for
    /// publishing), at most <see cref="MaxLeaseMargin"/>. Shorter than an interval and every replica would find it
    /// run out at its own tick, and the job would run once per replica again.
    /// </summary>
    public static TimeSpan LeaseFor(TimeSpan interval) => interval + TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxLeaseMargin.Ticks));

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            LogSwitchedOff(logger, Name, SwitchedOffBy);
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            if (RunsAtStart)
            {
                await RunGuardedAsync(interval, stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunGuardedAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    private async Task RunGuardedAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            if (await HoldsLeaseAsync(interval, stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex, Name);
        }
    }

    private async Task<bool> HoldsLeaseAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        var held = await leases.TryAcquireAsync(LeaseName, instance.LeaseHolder, LeaseFor(interval), stoppingToken);
        if (held != holdsLease)
        {
            if (held)
            {
                LogLeaseTaken(logger, Name, instance.Name);
            }
            else
            {
                LogLeaseHeldElsewhere(logger, Name);
            }

            holdsLease = held;
        }

        return held;
    }

    /// <summary>A replica stopping on purpose hands the job over at once rather than after the lease runs out.</summary>
    private async Task ReleaseLeaseAsync()
    {
        if (holdsLease != true)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ReleaseTimeout);
            await leases.ReleaseAsync(LeaseName, instance.LeaseHolder, timeout.Token);
            holdsLease = false;
        }
        catch (Exception ex)
        {
            // Stopping goes on: the lease runs out by itself.
            LogReleaseFailed(logger, ex, Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} is switched off ({Setting})")]
    private static partial void LogSwitchedOff(ILogger logger, string job, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} runs on this instance ({Instance}) now")]
    private static partial void LogLeaseTaken(ILogger logger, string job, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} is run by another instance; this one waits for its lease")]
    private static partial void LogLeaseHeldElsewhere(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} could not hand its lease over; another instance takes it when it runs out")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string job);
}
