namespace NewsCms.Core.PublicForms;

/// <summary>How many submissions a key has had in its current window, and how long that window still runs.</summary>
public readonly record struct SubmissionWindow(long Count, TimeSpan Remaining);

/// <summary>
/// Where <see cref="SubmissionThrottle"/> keeps its counts: in this process by default (<see cref="InProcessSubmissionCounter"/>),
/// or in a store every server shares, so that a limit holds across all the replicas behind a load balancer.
/// </summary>
public interface ISubmissionCounter
{
    /// <summary>
    /// Counts one submission under <paramref name="key"/> in a fixed window that starts with the key's first count
    /// and lasts <paramref name="window"/>; returns the count including this one.
    /// </summary>
    Task<SubmissionWindow> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}
