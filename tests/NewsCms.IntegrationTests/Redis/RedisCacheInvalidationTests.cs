using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NewsCms.Redis;
using NewsCms.Testing.Redis;
using StackExchange.Redis;

namespace NewsCms.IntegrationTests.Redis;

/// <summary>The invalidation channel itself: every process hears a change once, its own process at once, even while Redis is away.</summary>
public sealed class RedisCacheInvalidationTests(LocalRedis redis) : IClassFixture<LocalRedis>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_is_heard_once_here_before_publish_returns_and_once_on_the_other_replica()
    {
        redis.RequireAvailable();
        await using var connectionA = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        await using var connectionB = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        var replicaA = new RedisCacheInvalidation(connectionA, NullLogger<RedisCacheInvalidation>.Instance);
        var replicaB = new RedisCacheInvalidation(connectionB, NullLogger<RedisCacheInvalidation>.Instance);
        var topic = $"topic-{Guid.NewGuid():N}";
        var heardOnA = 0;
        var heardOnB = 0;
        replicaA.Subscribe(topic, () => Interlocked.Increment(ref heardOnA));
        replicaB.Subscribe(topic, () => Interlocked.Increment(ref heardOnB));

        replicaA.Publish(topic);

        Assert.Equal(1, Volatile.Read(ref heardOnA));
        var elapsed = Stopwatch.StartNew();
        while (Volatile.Read(ref heardOnB) == 0)
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), "Replica B did not hear the change within 5 s.");
            await Task.Delay(20, Cancel);
        }

        // Redis relays A's message back to A too: it must not count twice there, nor twice on B.
        await Task.Delay(300, Cancel);
        Assert.Equal(1, Volatile.Read(ref heardOnA));
        Assert.Equal(1, Volatile.Read(ref heardOnB));
    }

    [Fact]
    public async Task While_redis_is_unreachable_subscribing_and_publishing_still_work_within_this_process()
    {
        var options = RedisServiceCollectionExtensions.ConnectionOptions("127.0.0.1:1");
        options.ConnectTimeout = 500;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var invalidation = new RedisCacheInvalidation(unreachable, NullLogger<RedisCacheInvalidation>.Instance);
        var heard = 0;

        invalidation.Subscribe("sections", () => heard++);
        invalidation.Publish("sections");

        Assert.Equal(1, heard);
    }
}
