using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsCms.Server.Health;

/// <summary>
/// A readiness check that asks one dependency one cheap question, bounded in time. The public answer says only that
/// the check failed and how: <c>/readyz</c> is anonymous, and an exception's message may name hosts, accounts or
/// paths. The exception itself goes to the server log, where the health service writes every failed check.
/// </summary>
internal abstract class ProbeHealthCheck : IHealthCheck
{
    /// <summary>Short enough for a load balancer's probe, long enough for a connection to open on a busy day.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Returns when the dependency answered; throws when it did not.</summary>
    protected abstract Task ProbeAsync(CancellationToken cancellationToken);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            // On the thread pool and awaited with a bound of its own: some clients block before their first await (a
            // synchronous connect) or take no token (Redis PING), and the probe must answer in time all the same.
            await Task.Run(() => ProbeAsync(deadline.Token), deadline.Token).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is TimeoutException || deadline.IsCancellationRequested))
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                string.Create(CultureInfo.InvariantCulture, $"no answer within {Timeout.TotalSeconds:0} s"), e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"failed ({e.GetType().Name})", e);
        }
    }
}
