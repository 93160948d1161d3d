using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.Sections;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Redis;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Redis;

namespace NewsCms.IntegrationTests.Redis;

/// <summary>
/// Two replicas' section snapshots on one database and one Redis: a change saved through one drops the other's copy
/// at once. Their clock never moves, so the snapshot's one-second age cannot be what made the change show.
/// </summary>
/// <remarks>Each provider's class also takes <see cref="LocalRedis"/> as a fixture: the generic one cannot name both.</remarks>
public abstract class CrossReplicaSectionTreeTests<TDatabase>(TDatabase database, LocalRedis redis) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_section_created_through_one_replica_shows_on_the_other_at_once()
    {
        database.RequireAvailable();
        redis.RequireAvailable();
        await using var connectionA = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        await using var connectionB = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        var replicaA = new SectionTree(database.Contexts, clock, new RedisCacheInvalidation(connectionA, NullLogger<RedisCacheInvalidation>.Instance));
        var replicaB = new SectionTree(database.Contexts, clock, new RedisCacheInvalidation(connectionB, NullLogger<RedisCacheInvalidation>.Instance));
        // A replica without the channel: only its age limit would refresh it, and its clock stands still.
        var unconnected = new SectionTree(database.Contexts, clock, new InProcessCacheInvalidation());
        var slug = $"cross-replica-{Guid.NewGuid():N}";
        Assert.Null(await replicaA.FindBySlugAsync(slug, Cancel));
        Assert.Null(await replicaB.FindBySlugAsync(slug, Cancel));
        Assert.Null(await unconnected.FindBySlugAsync(slug, Cancel));

        var created = await new SectionEditor(database.Contexts, replicaA, clock)
            .CreateAsync(TestActors.Editor, new SectionInput("Cross replica", slug, null, null, 0), Cancel);

        Assert.Equal(created.Id, (await replicaA.FindBySlugAsync(slug, Cancel))?.Id);
        var elapsed = Stopwatch.StartNew();
        while (await replicaB.FindBySlugAsync(slug, Cancel) is null)
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), "The other replica still served its old snapshot 5 s after the change.");
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(created.Id, (await replicaB.FindBySlugAsync(slug, Cancel))?.Id);
        Assert.Null(await unconnected.FindBySlugAsync(slug, Cancel));
    }

    [Fact]
    public async Task A_rename_and_a_delete_reach_the_other_replica_too()
    {
        database.RequireAvailable();
        redis.RequireAvailable();
        await using var connectionA = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        await using var connectionB = await RedisSubmissionCounterTests.ConnectAsync(redis.ConnectionString);
        var replicaA = new SectionTree(database.Contexts, clock, new RedisCacheInvalidation(connectionA, NullLogger<RedisCacheInvalidation>.Instance));
        var replicaB = new SectionTree(database.Contexts, clock, new RedisCacheInvalidation(connectionB, NullLogger<RedisCacheInvalidation>.Instance));
        var editor = new SectionEditor(database.Contexts, replicaA, clock);
        var slug = $"renamed-{Guid.NewGuid():N}";
        var section = await editor.CreateAsync(TestActors.Editor, new SectionInput("Before", slug, null, null, 0), Cancel);
        await WaitUntilAsync(async () => (await replicaB.FindBySlugAsync(slug, Cancel))?.Name == "Before", "the new section on B");

        var renamed = await editor.UpdateAsync(TestActors.Editor, section.Id, section.Version, new SectionInput("After", slug, null, null, 0), Cancel);
        await WaitUntilAsync(async () => (await replicaB.FindBySlugAsync(slug, Cancel))?.Name == "After", "the rename on B");

        await editor.DeleteAsync(TestActors.Editor, renamed.Id, renamed.Version, Cancel);
        await WaitUntilAsync(async () => await replicaB.FindBySlugAsync(slug, Cancel) is null, "the delete on B");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"Not {what} within 5 s.");
            await Task.Delay(20, Cancel);
        }
    }
}

public sealed class SqliteCrossReplicaSectionTreeTests(SqliteTestDatabase database, LocalRedis redis)
    : CrossReplicaSectionTreeTests<SqliteTestDatabase>(database, redis), IClassFixture<LocalRedis>;

public sealed class PostgreSqlCrossReplicaSectionTreeTests(PostgreSqlTestDatabase database, LocalRedis redis)
    : CrossReplicaSectionTreeTests<PostgreSqlTestDatabase>(database, redis), IClassFixture<LocalRedis>;
