using Microsoft.Extensions.Logging;
using NewsCms.Core.PublicForms;
using StackExchange.Redis;

namespace NewsCms.Redis;

/// <summary>
/// Submission counts in Redis, so that a limit holds across every replica: one key per counted thing, incremented
/// and given its window's expiry in one round trip, its remaining time read in the same one for RATE_LIMITED's
/// retry-after.
/// </summary>
public sealed partial class RedisSubmissionCounter(IConnectionMultiplexer redis, TimeProvider clock, ILogger<RedisSubmissionCounter> logger)
    : ISubmissionCounter
{
    public const string KeyPrefix = "newscms:submissions:";

    // A script rather than INCR with PEXPIRE NX: Redis runs it whole, and it works on servers older than 7.0 (the
    // managed caches lag). A key left without expiry, by a crash between two commands of another client or by hand,
    // gets its window again instead of counting forever.
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        local remaining = redis.call('PTTL', KEYS[1])
        if remaining < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          remaining = tonumber(ARGV[1])
        end
        return { count, remaining }
        """;

    private readonly InProcessSubmissionCounter fallback = new(clock);

    public async Task<SubmissionWindow> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(
                IncrementScript, [new RedisKey(KeyPrefix + key)], [(long)Math.Ceiling(window.TotalMilliseconds)]);
            var reply = (RedisResult[]?)result ?? throw new InvalidOperationException("The counting script returned nothing.");
            return new SubmissionWindow((long)reply[0], TimeSpan.FromMilliseconds((long)reply[1]));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // A throttle guards public forms against floods; refusing every reader's sign-up because Redis is
            // restarting would be the worse failure. So it fails open to this process's own counts: each replica
            // still holds the limit on its own until Redis answers again, which is a looser limit, never none.
            LogRedisUnavailable(logger, ex);
            return await fallback.IncrementAsync(key, window, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer; submissions are counted by this process alone until it does")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
