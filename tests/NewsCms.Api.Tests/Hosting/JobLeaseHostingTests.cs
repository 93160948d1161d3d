using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Jobs;
using NewsCms.Server.Hosting;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>
/// The background jobs' loop on several replicas: every replica ticks, only the one holding the job's lease runs it,
/// and the job moves to another replica when its holder stops or dies.
/// </summary>
public sealed class JobLeaseHostingTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Of_two_replicas_only_the_holder_runs_the_job_and_the_other_takes_over_when_it_stops()
    {
        using var first = Job("replica-a");
        using var second = Job("replica-b");
        await first.StartAsync(Cancel);
        await WaitUntilAsync(() => first.Runs == 1, "the first replica's run at start");
        await second.StartAsync(Cancel);
        await WaitUntilAsync(() => second.Logged("is run by another instance"), "the second replica to find the lease taken");

        for (var tick = 1; tick <= 3; tick++)
        {
            clock.Advance(Interval);
            await WaitUntilAsync(() => first.Runs == 1 + tick, $"the holder's run at tick {tick}");
        }

        await first.StopAsync(Cancel);
        Assert.Equal(0, second.Runs);

        clock.Advance(Interval);
        await WaitUntilAsync(() => second.Runs == 1, "the second replica's run after the holder stopped");
        Assert.True(second.Logged("runs on this instance (replica-b) now"));
        Assert.Equal(4, first.Runs);
        await second.StopAsync(Cancel);
    }

    [Fact]
    public async Task The_lease_of_a_replica_that_died_passes_once_it_runs_out()
    {
        // A replica killed mid-lease never releases it: only time does.
        var leases = new JobLeases(database.Contexts, clock);
        var lease = PeriodicJob.LeaseFor(Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), lease);
        Assert.True(await leases.TryAcquireAsync(CountingJob.Lease, "replica-killed", lease, Cancel));
        using var survivor = Job("replica-b");
        await survivor.StartAsync(Cancel);
        await WaitUntilAsync(() => survivor.Logged("is run by another instance"), "the survivor to find the lease taken");

        clock.Advance(Interval);
        clock.Advance(Interval);
        await Task.Delay(300, Cancel);
        Assert.Equal(0, survivor.Runs);

        clock.Advance(Interval);
        await WaitUntilAsync(() => survivor.Runs == 1, "the survivor's run once the dead replica's lease ran out");
        await survivor.StopAsync(Cancel);
    }

    [Fact]
    public void A_lease_outlasts_the_next_tick_and_a_daily_job_hands_over_within_minutes_of_its_next_run()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), PeriodicJob.LeaseFor(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromHours(24) + PeriodicJob.MaxLeaseMargin, PeriodicJob.LeaseFor(TimeSpan.FromHours(24)));
    }

    private CountingJob Job(string replica) => new(new JobLeases(database.Contexts, clock), new ServerInstance(replica), clock);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"Not {what} within 10 s.");
            await Task.Delay(20, Cancel);
        }
    }

    private sealed class CountingJob : PeriodicJob
    {
        public const string Lease = "counting-job";

        private readonly RecordingLogger<CountingJob> log;
        private int runs;

        public CountingJob(JobLeases leases, ServerInstance instance, TimeProvider clock)
            : this(leases, instance, clock, new RecordingLogger<CountingJob>())
        {
        }

        private CountingJob(JobLeases leases, ServerInstance instance, TimeProvider clock, RecordingLogger<CountingJob> log)
            : base(leases, instance, clock, log) => this.log = log;

        public int Runs => Volatile.Read(ref runs);

        protected override string Name => "Counting";

        protected override string LeaseName => Lease;

        protected override TimeSpan? Interval => JobLeaseHostingTests.Interval;

        protected override string SwitchedOffBy => "nothing";

        public bool Logged(string text) => log.Logged(text);

        protected override Task RunOnceAsync(CancellationToken stoppingToken)
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }
    }
}
