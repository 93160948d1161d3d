using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsCms.Core.Common;
using NewsCms.Core.PublicForms;
using StackExchange.Redis;

namespace NewsCms.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Redis</c>, a StackExchange.Redis configuration such as <c>127.0.0.1:6379</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The prefix of the distributed cache's keys, apart from the counters' and the channels'.</summary>
    public const string CacheInstanceName = "newscms:";

    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set: one connection for the process, and over it the shared submission
    /// counter, the cross-replica cache invalidation and <c>IDistributedCache</c>. Without it nothing is registered
    /// and the server keeps its one-process defaults.
    /// </summary>
    public static IServiceCollection AddNewsCmsRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var options = ConnectionOptions(connectionString);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.RemoveAll<ISubmissionCounter>();
        services.AddSingleton<ISubmissionCounter, RedisSubmissionCounter>();
        services.RemoveAll<ICacheInvalidation>();
        services.AddSingleton<ICacheInvalidation, RedisCacheInvalidation>();
        services.AddStackExchangeRedisCache(cache => cache.InstanceName = CacheInstanceName);
        services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((cache, redis) =>
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        return services;
    }

    /// <summary>The settings every NewsCms connection to Redis gets, over what the connection string says.</summary>
    public static ConfigurationOptions ConnectionOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // A replica must start, and serve, while Redis is briefly away: the connection keeps retrying behind it.
        options.AbortOnConnectFail = false;
        // What NewsCms does over this connection degrades gracefully (counts fall back to this process, invalidations
        // to the caches' own age limit), so a command fails at once while Redis is away instead of holding a request
        // in a backlog until it times out.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
