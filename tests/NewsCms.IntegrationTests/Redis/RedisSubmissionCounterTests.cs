using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.PublicForms;
using NewsCms.Redis;
using NewsCms.Testing;
using NewsCms.Testing.Redis;
using StackExchange.Redis;

namespace NewsCms.IntegrationTests.Redis;

/// <summary>Submission counts in a real Redis: one count for every replica, the window's end for retry-after, and a limit kept while Redis is away.</summary>
public sealed class RedisSubmissionCounterTests(LocalRedis redis) : IClassFixture<LocalRedis>
{
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Each test its own keys: the tests share the server.
    private static string Key(string what) => $"subscribe:address:{what}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_replicas_with_connections_of_their_own_share_one_count_and_the_window_end()
    {
        redis.RequireAvailable();
        await using var first = await ConnectAsync(redis.ConnectionString);
        await using var second = await ConnectAsync(redis.ConnectionString);
        var replicaA = new SubmissionThrottle(Counter(first));
        var replicaB = new SubmissionThrottle(Counter(second));
        var key = Key("two-replicas");

        await replicaA.CountAsync(key, 3, TimeSpan.FromHours(1), Cancel);
        await replicaB.CountAsync(key, 3, TimeSpan.FromHours(1), Cancel);
        await replicaA.CountAsync(key, 3, TimeSpan.FromHours(1), Cancel);
        var refused = await Assert.ThrowsAsync<NewsCmsException>(() => replicaB.CountAsync(key, 3, TimeSpan.FromHours(1), Cancel));

        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        var retryAfter = Assert.IsType<int>(refused.Details["retryAfterSeconds"]);
        Assert.InRange(retryAfter, 3600 - 5, 3600);
        var window = await Counter(first).IncrementAsync(key, TimeSpan.FromHours(1), Cancel);
        Assert.Equal(5, window.Count);
        Assert.InRange(window.Remaining, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_window_ends_on_the_redis_clock_and_the_next_one_counts_afresh()
    {
        redis.RequireAvailable();
        await using var connection = await ConnectAsync(redis.ConnectionString);
        var counter = Counter(connection);
        var key = Key("window");
        var window = TimeSpan.FromMilliseconds(400);

        Assert.Equal(1, (await counter.IncrementAsync(key, window, Cancel)).Count);
        Assert.Equal(2, (await counter.IncrementAsync(key, window, Cancel)).Count);
        await Task.Delay(window + TimeSpan.FromMilliseconds(200), Cancel);

        var next = await counter.IncrementAsync(key, window, Cancel);
        Assert.Equal(1, next.Count);
        Assert.InRange(next.Remaining, TimeSpan.FromMilliseconds(1), window);
    }

    [Fact]
    public async Task A_count_left_without_an_expiry_gets_its_window_back_instead_of_counting_forever()
    {
        redis.RequireAvailable();
        await using var connection = await ConnectAsync(redis.ConnectionString);
        var key = Key("no-expiry");
        await connection.GetDatabase().StringSetAsync(RedisSubmissionCounter.KeyPrefix + key, 7);

        var window = await Counter(connection).IncrementAsync(key, TimeSpan.FromMinutes(10), Cancel);

        Assert.Equal(8, window.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), window.Remaining);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(RedisSubmissionCounter.KeyPrefix + key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task While_redis_is_unreachable_each_replica_still_holds_the_limit_on_its_own_and_says_so()
    {
        // Nothing listens on port 1: the connection is made the way the server makes it and never succeeds.
        var options = RedisServiceCollectionExtensions.ConnectionOptions("127.0.0.1:1");
        options.ConnectTimeout = 500;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var logger = new RecordingLogger<RedisSubmissionCounter>();
        var throttle = new SubmissionThrottle(new RedisSubmissionCounter(unreachable, clock, logger));
        var key = Key("unreachable");

        await throttle.CountAsync(key, 2, TimeSpan.FromHours(1), Cancel);
        await throttle.CountAsync(key, 2, TimeSpan.FromHours(1), Cancel);
        var refused = await Assert.ThrowsAsync<NewsCmsException>(() => throttle.CountAsync(key, 2, TimeSpan.FromHours(1), Cancel));

        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        Assert.Equal(3600, refused.Details["retryAfterSeconds"]);
        Assert.Equal(3, logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("counted by this process alone", StringComparison.Ordinal)));
    }

    private RedisSubmissionCounter Counter(IConnectionMultiplexer connection) =>
        new(connection, clock, NullLogger<RedisSubmissionCounter>.Instance);

    internal static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString) =>
        await ConnectionMultiplexer.ConnectAsync(RedisServiceCollectionExtensions.ConnectionOptions(connectionString));
}

