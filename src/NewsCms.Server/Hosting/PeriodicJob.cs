namespace NewsCms.Server.Hosting;

/// <summary>
/// The loop every background job of the server shares: switched off by its setting, ticking on the injected clock
/// (so tests move time instead of waiting), and never stopping the host: a failed run is logged and the next tick
/// tries again.
/// </summary>
internal abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How the logs name the job, such as "Scheduled publishing".</summary>
    protected abstract string Name { get; }

    /// <summary>The time between runs, or null when the job is switched off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>The setting that switches the job off, for the log line saying it is off.</summary>
    protected abstract string SwitchedOffBy { get; }

    /// <summary>Whether the first run happens at start, or only after one interval.</summary>
    protected virtual bool RunsAtStart => true;

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

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
                await RunGuardedAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunGuardedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex, Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} is switched off ({Setting})")]
    private static partial void LogSwitchedOff(ILogger logger, string job, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);
}
