using NewsCms.Core.Common;

namespace NewsCms.Core.PublicForms;

/// <summary>
/// Counts anonymous submissions (speaker and partner applications, newsletter sign-ups) per key in fixed windows and
/// refuses the ones over the limit with <see cref="ErrorCode.RateLimited"/>. Keys name what is counted, e.g.
/// <c>apply:address:203.0.113.7</c> or <c>subscribe:email:jo@example.com</c>. The counts live in the registered
/// <see cref="ISubmissionCounter"/>: this process alone by default, every replica when Redis is configured.
/// </summary>
public sealed class SubmissionThrottle(ISubmissionCounter counter)
{
    /// <summary>Counts one submission under <paramref name="key"/>; throws when it is one more than <paramref name="limit"/> in <paramref name="window"/>.</summary>
    public async Task CountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var current = await counter.IncrementAsync(key, window, cancellationToken);
        if (current.Count > limit)
        {
            throw NewsCmsException.RateLimited(current.Remaining);
        }
    }
}
