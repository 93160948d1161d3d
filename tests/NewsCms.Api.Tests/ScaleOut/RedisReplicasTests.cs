using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Common;
using NewsCms.Core.PublicForms;
using NewsCms.Core.Staff;
using NewsCms.Redis;
using StackExchange.Redis;

namespace NewsCms.Api.Tests.ScaleOut;

/// <summary>
/// Two replicas with <c>ConnectionStrings:Redis</c> set: one connection each, over which they share the submission
/// counts, the section snapshot's invalidations and the distributed cache.
/// </summary>
public abstract class RedisReplicasTests<TReplicas>(TReplicas replicas) : IClassFixture<TReplicas>
    where TReplicas : Replicas
{
    private const string Subscribe = "mutation($email: String!) { subscribeToNewsletter(email: $email) { accepted } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_server_registers_one_connection_that_the_counter_the_invalidations_and_the_distributed_cache_share()
    {
        replicas.RequireAvailable();
        var services = replicas.A.Services;
        var connection = services.GetRequiredService<IConnectionMultiplexer>();

        Assert.Same(connection, services.GetRequiredService<IConnectionMultiplexer>());
        Assert.IsType<RedisSubmissionCounter>(services.GetRequiredService<ISubmissionCounter>());
        Assert.IsType<RedisCacheInvalidation>(services.GetRequiredService<ICacheInvalidation>());
        var cacheOptions = services.GetRequiredService<IOptions<RedisCacheOptions>>().Value;
        Assert.Equal(RedisServiceCollectionExtensions.CacheInstanceName, cacheOptions.InstanceName);
        Assert.Same(connection, await cacheOptions.ConnectionMultiplexerFactory!());

        var key = $"greeting-{Guid.NewGuid():N}";
        await services.GetRequiredService<IDistributedCache>().SetStringAsync(key, "set on replica A", Cancel);

        Assert.Equal("set on replica A", await replicas.B.Services.GetRequiredService<IDistributedCache>().GetStringAsync(key, Cancel));
        Assert.True(await connection.GetDatabase().KeyExistsAsync(RedisServiceCollectionExtensions.CacheInstanceName + key));
    }

    [Fact]
    public async Task Sign_ups_for_one_address_count_across_replicas()
    {
        replicas.RequireAvailable();
        using var onA = replicas.A.CreateClientOrSkip();
        using var onB = replicas.B.CreateClientOrSkip();
        var email = $"across-replicas-{Guid.NewGuid():N}@example.com";
        var limit = new Core.Newsletter.NewsletterOptions().SubscriptionsPerEmailPerHour;

        // Alternating: each replica alone has seen fewer than the limit when the last one arrives.
        for (var i = 0; i < limit; i++)
        {
            await (i % 2 == 0 ? onA : onB).DataAsync(Subscribe, new { email });
        }

        var over = await (limit % 2 == 0 ? onA : onB).QueryAsync(Subscribe, new { email });

        Assert.Equal(["RATE_LIMITED"], over.ErrorCodes());
        Assert.InRange(over.GetProperty("errors")[0].GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32(), 3500, 3600);
    }

    [Fact]
    public async Task A_section_created_through_one_replica_is_served_by_the_other_at_once()
    {
        replicas.RequireAvailable();
        using var editorOnA = await replicas.A.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var readerOnB = replicas.B.CreateClientOrSkip();
        var slug = $"breaking-desk-{Guid.NewGuid():N}";
        var query = $$"""{ section(slug: "{{slug}}") { name } }""";
        // B loads its snapshot before the change, and its clock never moves: only the message can refresh it.
        Assert.Equal(JsonValueKind.Null, (await readerOnB.DataAsync(query)).GetProperty("section").ValueKind);

        await editorOnA.DataAsync(
            "mutation($input: SectionInput!) { createSection(input: $input) { id } }",
            new { input = new { name = "Breaking desk", slug, displayOrder = 1 } });

        var elapsed = Stopwatch.StartNew();
        while ((await readerOnB.DataAsync(query)).GetProperty("section").ValueKind == JsonValueKind.Null)
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), "Replica B still served its old sections 5 s after the change on A.");
            await Task.Delay(20, Cancel);
        }

        Assert.Equal("Breaking desk", (await readerOnB.DataAsync(query)).GetProperty("section").GetProperty("name").GetString());
    }
}

public sealed class SqliteRedisReplicasTests(SqliteRedisReplicas replicas) : RedisReplicasTests<SqliteRedisReplicas>(replicas);

public sealed class PostgreSqlRedisReplicasTests(PostgreSqlRedisReplicas replicas) : RedisReplicasTests<PostgreSqlRedisReplicas>(replicas);

/// <summary>Without <c>ConnectionStrings:Redis</c> nothing Redis is registered: the one-process defaults, as before.</summary>
public sealed class WithoutRedisTests(SqliteReplicas replicas) : IClassFixture<SqliteReplicas>
{
    [Fact]
    public void The_server_keeps_its_counts_and_invalidations_in_process_and_opens_no_connection()
    {
        replicas.RequireAvailable();
        var services = replicas.A.Services;

        Assert.Null(services.GetService<IConnectionMultiplexer>());
        Assert.IsType<InProcessSubmissionCounter>(services.GetRequiredService<ISubmissionCounter>());
        Assert.IsType<InProcessCacheInvalidation>(services.GetRequiredService<ICacheInvalidation>());
        Assert.IsNotType<RedisCache>(services.GetService<IDistributedCache>());
    }
}
