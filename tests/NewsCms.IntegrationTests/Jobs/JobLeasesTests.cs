using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Jobs;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Jobs;

/// <summary>Job leases: one holder at a time, renewed by the holder, handed over when they run out or are released.</summary>
public abstract class JobLeasesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private JobLeases Leases() => new(database.Contexts, clock);

    // Each test its own job: the tests share the database.
    private static string Job() => $"job-{Guid.NewGuid():N}";

    [Fact]
    public async Task Of_two_contenders_only_the_first_acquires_and_the_holder_renews()
    {
        database.RequireAvailable();
        var job = Job();

        Assert.True(await Leases().TryAcquireAsync(job, "replica-a", Lease, Cancel));
        Assert.False(await Leases().TryAcquireAsync(job, "replica-b", Lease, Cancel));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await Leases().TryAcquireAsync(job, "replica-a", Lease, Cancel));
        Assert.Equal(("replica-a", TestContent.Now.AddSeconds(25)), await LeaseOfAsync(job));

        // Past the first lease's end, but inside the renewed one: still taken.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await Leases().TryAcquireAsync(job, "replica-b", Lease, Cancel));
        Assert.Equal("replica-a", (await LeaseOfAsync(job)).Holder);
    }

    [Fact]
    public async Task A_lease_that_runs_out_passes_to_the_next_contender_and_the_old_holder_waits()
    {
        database.RequireAvailable();
        var job = Job();
        Assert.True(await Leases().TryAcquireAsync(job, "replica-a", Lease, Cancel));

        clock.Advance(Lease);

        Assert.True(await Leases().TryAcquireAsync(job, "replica-b", Lease, Cancel));
        Assert.False(await Leases().TryAcquireAsync(job, "replica-a", Lease, Cancel));
        Assert.Equal(("replica-b", TestContent.Now.Add(Lease * 2)), await LeaseOfAsync(job));
    }

    [Fact]
    public async Task A_released_lease_passes_at_once_and_only_its_holder_can_release_it()
    {
        database.RequireAvailable();
        var job = Job();
        Assert.True(await Leases().TryAcquireAsync(job, "replica-a", Lease, Cancel));

        await Leases().ReleaseAsync(job, "replica-b", Cancel);
        Assert.False(await Leases().TryAcquireAsync(job, "replica-b", Lease, Cancel));

        await Leases().ReleaseAsync(job, "replica-a", Cancel);
        Assert.True(await Leases().TryAcquireAsync(job, "replica-b", Lease, Cancel));
    }

    [Fact]
    public async Task Leases_on_different_jobs_are_held_apart()
    {
        database.RequireAvailable();
        var publishing = Job();
        var mail = Job();

        Assert.True(await Leases().TryAcquireAsync(publishing, "replica-a", Lease, Cancel));
        Assert.True(await Leases().TryAcquireAsync(mail, "replica-b", Lease, Cancel));
        Assert.False(await Leases().TryAcquireAsync(mail, "replica-a", Lease, Cancel));
    }

    [Fact]
    public async Task Many_contenders_racing_for_a_new_or_a_run_out_lease_get_exactly_one_holder()
    {
        database.RequireAvailable();
        var job = Job();
        var contenders = Enumerable.Range(0, 8).Select(i => $"replica-{i}").ToList();

        // The first time: the row does not exist, so the primary key decides between the inserts.
        var first = await RaceAsync(job, contenders);
        Assert.Single(first, won => won);
        var firstHolder = contenders[first.ToList().IndexOf(true)];
        Assert.Equal(firstHolder, (await LeaseOfAsync(job)).Holder);

        // Then: the row exists and has run out, so the conditional update decides.
        clock.Advance(Lease);
        var second = await RaceAsync(job, contenders);
        Assert.Single(second, won => won);
        Assert.Equal(contenders[second.ToList().IndexOf(true)], (await LeaseOfAsync(job)).Holder);
    }

    private async Task<bool[]> RaceAsync(string job, IEnumerable<string> contenders)
    {
        using var start = new ManualResetEventSlim();
        var racing = contenders.Select(holder => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await Leases().TryAcquireAsync(job, holder, Lease, Cancel);
        }, Cancel)).ToList();
        start.Set();
        return await Task.WhenAll(racing);
    }

    private async Task<(string Holder, DateTime ExpiresAt)> LeaseOfAsync(string job)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var lease = await db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == job, Cancel);
        return (lease.Holder, lease.ExpiresAt);
    }
}

public sealed class SqliteJobLeasesTests(SqliteTestDatabase database) : JobLeasesTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlJobLeasesTests(PostgreSqlTestDatabase database) : JobLeasesTests<PostgreSqlTestDatabase>(database);
