using NewsCms.Redis;
using StackExchange.Redis;

namespace NewsCms.Server.Health;

/// <summary>Redis answers PING; registered only when <c>ConnectionStrings:Redis</c> is set.</summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : ProbeHealthCheck
{
    // Resolved here, not injected: a connection that cannot be made when first asked for must read as "redis not
    // ready", not as a failed probe endpoint.
    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var redis = services.GetService<IConnectionMultiplexer>()
            ?? throw new InvalidOperationException($"ConnectionStrings:{RedisServiceCollectionExtensions.ConnectionStringName} is set, but no Redis connection is registered.");
        await redis.GetDatabase().PingAsync();
    }
}
