using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsCms.ScaleOutTests;

/// <summary>
/// A replica dies mid-request (<c>kill -9</c>, no shutdown) while readers and a writer go through nginx. Runs last
/// (see <see cref="FailoverRunsLast"/>): the killed replica stays dead.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class FailoverTests(ScaleOutCluster cluster)
{
    /// <summary>
    /// Reads go as GET, which nginx may send to another replica when one fails before answering (proxy_next_upstream
    /// error, nginx's default), so a reader normally sees no error at all. A read fails only when the replica died
    /// after nginx had started passing its answer on, and each reader has at most one request in flight when the
    /// replica dies: at most this many failed reads.
    /// </summary>
    private const int Readers = 4;

    private const string FrontPage = "{ articles(first: 5) { nodes { slug title } } sections { slug } }";

    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 90_000)]
    public Task Killing_a_replica_under_load_loses_no_acknowledged_write_and_nginx_keeps_answering() => cluster.RunAsync(async cancel =>
    {
        var tag = $"failover-{Guid.NewGuid():N}"[..17];
        var victim = cluster.C;
        var reads = new ConcurrentQueue<Outcome>();
        var writes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(LoadTime);

        var load = Enumerable.Range(0, Readers).Select(_ => ReadAsync(reads, clock, stop.Token, cancel)).Append(WriteAsync(tag, writes, clock, stop.Token, cancel)).ToList();
        await Task.Delay(KillAt, cancel);
        victim.KillAbruptly();
        var killedAt = clock.Elapsed;
        await Task.WhenAll(load);

        var acknowledged = writes.Where(w => w.Succeeded).Select(w => w.Slug!).ToHashSet(StringComparer.Ordinal);
        var stored = await StoredSlugsAsync(cluster.A, tag, cancel);
        var failedReads = reads.Where(r => !r.Succeeded).ToList();
        var failedWrites = writes.Where(w => !w.Succeeded).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Killed {victim.Name} at {killedAt.TotalSeconds:F1} s. Reads: {reads.Count - failedReads.Count} answered, {failedReads.Count} failed. " +
            $"Writes: {acknowledged.Count} acknowledged, {failedWrites.Count} failed ({string.Join("; ", failedWrites.Select(w => w.Detail))}), {stored.Count} stored.");

        Assert.True(victim.HasExited, $"Replica {victim.Name} survived kill -9.");
        Assert.Contains(reads, r => r.Succeeded && r.At < killedAt);
        Assert.Contains(writes, w => w.Succeeded && w.At < killedAt);
        Assert.True(writes.Count(w => w.Succeeded && w.At > killedAt) > 0, "No write was acknowledged after the kill: nginx stopped taking writes.");
        Assert.True(reads.Count(r => r.Succeeded && r.At > killedAt) > 0, "No read was answered after the kill: nginx stopped answering.");
        Assert.Empty(acknowledged.Except(stored, StringComparer.Ordinal));
        Assert.True(failedReads.Count <= Readers, $"{failedReads.Count} reads failed (at most {Readers}): {string.Join("; ", failedReads.Select(r => $"{r.At.TotalSeconds:F2} s {r.Detail}"))}");
    }, TestContext.Current.CancellationToken);

    private async Task ReadAsync(ConcurrentQueue<Outcome> outcomes, Stopwatch clock, CancellationToken stop, CancellationToken cancel)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed;
            try
            {
                // A request in flight when the load stops is finished, not abandoned: only `cancel` (the test's) ends it.
                var answer = await cluster.Http.GetAsync(cluster.LoadBalancer.GraphQLUrl, FrontPage, cancel);
                outcomes.Enqueue(new Outcome(at, answer.Succeeded, $"{(int)answer.Status} {Shorten(answer.Body.ToString())}"));
            }
            catch (HttpRequestException e)
            {
                outcomes.Enqueue(new Outcome(at, false, e.Message));
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                outcomes.Enqueue(new Outcome(at, false, "no answer within the client's timeout"));
            }

            await Task.Delay(20, cancel);
        }
    }

    private async Task WriteAsync(string tag, ConcurrentQueue<Outcome> outcomes, Stopwatch clock, CancellationToken stop, CancellationToken cancel)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var slug = $"{tag}-{n}";
            var at = clock.Elapsed;
            try
            {
                var answer = await cluster.Http.PostAsync(cluster.LoadBalancer.GraphQLUrl, """
                    mutation($input: ArticleInput!) { createArticle(input: $input) { slug } }
                    """, new { input = new { title = $"Failover draft {tag} {n}", slug } }, cluster.Administrator, cancel);
                var acknowledged = answer.Succeeded && answer.Data.GetProperty("createArticle").GetProperty("slug").GetString() == slug;
                outcomes.Enqueue(new Outcome(at, acknowledged, $"{slug}: {(int)answer.Status} {Shorten(answer.Body.ToString())}", slug));
            }
            catch (HttpRequestException e)
            {
                outcomes.Enqueue(new Outcome(at, false, $"{slug}: {e.Message}", slug));
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                outcomes.Enqueue(new Outcome(at, false, $"{slug}: no answer within the client's timeout", slug));
            }
        }
    }

    /// <summary>Every story of this run the surviving replica finds, read straight from it rather than through nginx.</summary>
    private async Task<HashSet<string>> StoredSlugsAsync(Replica survivor, string tag, CancellationToken cancel)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = (await cluster.StaffDataAsync(survivor.GraphQLUrl, """
                query($search: String!, $after: String) {
                  editorialArticles(search: $search, first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } }
                }
                """, new { search = tag, after })).GetProperty("editorialArticles");
            slugs.UnionWith(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            cancel.ThrowIfCancellationRequested();
        }
        while (after is not null);

        return slugs;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    private sealed record Outcome(TimeSpan At, bool Succeeded, string Detail, string? Slug = null);
}
