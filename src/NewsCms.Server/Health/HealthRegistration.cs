using NewsCms.Redis;

namespace NewsCms.Server.Health;

internal static class HealthRegistration
{
    /// <summary>The checks <c>/readyz</c> runs; <c>/healthz</c> runs none.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// What a replica needs before it takes traffic: its database, its media store and, when the replicas share one,
    /// Redis. Each is its own check with its own time bound; the health service runs them side by side.
    /// </summary>
    public static WebApplicationBuilder AddNewsCmsHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessTag])
            .AddCheck<MediaStoreHealthCheck>("media", tags: [ReadinessTag]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisServiceCollectionExtensions.ConnectionStringName)))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadinessTag]);
        }

        return builder;
    }
}
