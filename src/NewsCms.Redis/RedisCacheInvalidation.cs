using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NewsCms.Core.Common;
using StackExchange.Redis;

namespace NewsCms.Redis;

/// <summary>
/// Cache invalidation across replicas over Redis pub/sub: a change published here reaches this process's subscribers
/// at once and every other process's as soon as Redis relays it. Pub/sub keeps nothing for a process that was cut
/// off, which is why caches that listen keep their own age limit too.
/// </summary>
public sealed partial class RedisCacheInvalidation(IConnectionMultiplexer redis, ILogger<RedisCacheInvalidation> logger) : ICacheInvalidation
{
    public const string ChannelPrefix = "newscms:invalidate:";

    private readonly InProcessCacheInvalidation local = new();
    private readonly ConcurrentDictionary<string, bool> relayedTopics = new(StringComparer.Ordinal);

    // Marks this process's own messages, which its subscribers have already heard.
    private readonly string origin = RandomNumberGenerator.GetHexString(16, lowercase: true);

    public void Publish(string topic)
    {
        local.Publish(topic);
        try
        {
            redis.GetSubscriber().Publish(Channel(topic), origin, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogPublishFailed(logger, ex, topic);
        }
    }

    public void Subscribe(string topic, Action changed)
    {
        local.Subscribe(topic, changed);
        if (!relayedTopics.TryAdd(topic, true))
        {
            return;
        }

        try
        {
            redis.GetSubscriber().Subscribe(Channel(topic), (_, message) =>
            {
                if (message != origin)
                {
                    local.Publish(topic);
                }
            });
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // The client keeps the subscription and makes it again once the connection is back.
            LogSubscribeFailed(logger, ex, topic);
        }
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take the change of {Topic}; other replicas see it when their copy ages out")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take the subscription to {Topic} yet; until it does, changes on other replicas show when this copy ages out")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string topic);
}
