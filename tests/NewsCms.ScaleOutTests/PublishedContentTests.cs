using System.Diagnostics;
using System.Text.Json;

namespace NewsCms.ScaleOutTests;

/// <summary>What one replica publishes, every replica serves at once: no replica keeps a stale copy.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class PublishedContentTests(ScaleOutCluster cluster)
{
    private const string ServedQuery = """
        query($slug: String!) { article(slug: $slug) { slug } articles(first: 10) { nodes { slug } } }
        """;

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>
    /// "At once" for a change another replica made: the Redis message that drops the snapshot arrives in milliseconds,
    /// where a replica that only waited for its one-second snapshot to age would serve the old name for most of a
    /// second (the test makes sure the snapshot is fresh when the change lands).
    /// </summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromMilliseconds(300);

    [Fact(Timeout = 60_000)]
    public Task A_story_published_through_A_is_served_by_B_and_C_within_one_second() => cluster.RunAsync(async cancel =>
    {
        var slug = $"live-everywhere-{Guid.NewGuid():N}"[..28];
        var (id, version) = await cluster.CreateStoryAsync(cluster.A, slug, "Rates hold as three replicas agree");
        // Asked once before: readers do not see the draft, and the timed requests below are not each replica's first of this shape.
        foreach (var replica in new[] { cluster.B, cluster.C })
        {
            var before = await cluster.DataAsync(replica.GraphQLUrl, ServedQuery, new { slug }, Caller.Anonymous);
            Assert.Equal(JsonValueKind.Null, before.GetProperty("article").ValueKind);
        }

        var published = await cluster.StaffDataAsync(cluster.A.GraphQLUrl, """
            mutation($id: ID!, $version: Int!) { publishArticle(id: $id, expectedVersion: $version) { status } }
            """, new { id, version });
        var acknowledged = Stopwatch.StartNew();
        Assert.Equal("PUBLISHED", published.GetProperty("publishArticle").GetProperty("status").GetString());

        var seen = await Task.WhenAll(new[] { cluster.B, cluster.C }.Select(r => FirstServedAsync(r, slug, acknowledged, cancel)));

        TestContext.Current.TestOutputHelper?.WriteLine($"Served after A acknowledged: B {seen[0].TotalMilliseconds:F0} ms, C {seen[1].TotalMilliseconds:F0} ms.");
        Assert.True(seen[0] < OneSecond, $"B served the story {seen[0].TotalMilliseconds:F0} ms after A acknowledged it (at most 1 s).");
        Assert.True(seen[1] < OneSecond, $"C served the story {seen[1].TotalMilliseconds:F0} ms after A acknowledged it (at most 1 s).");
    }, TestContext.Current.CancellationToken);

    [Fact(Timeout = 60_000)]
    public Task A_section_renamed_through_A_is_seen_by_B_and_C_at_once() => cluster.RunAsync(async cancel =>
    {
        var slug = $"markets-{Guid.NewGuid():N}"[..20];
        var section = (await cluster.StaffDataAsync(cluster.A.GraphQLUrl, """
            mutation($input: SectionInput!) { createSection(input: $input) { id version } }
            """, new { input = new { name = "Markets", slug, displayOrder = 5 } })).GetProperty("createSection");
        var id = section.GetProperty("id").GetString()!;
        var version = section.GetProperty("version").GetInt32();

        foreach (var replica in new[] { cluster.B, cluster.C })
        {
            // A first rename: once the replica shows it, its snapshot was loaded after it, so the snapshot is a few
            // milliseconds old when the second rename lands, and only an invalidation makes the replica drop it early.
            version = await RenameAsync(id, version, slug, $"Markets seen by {replica.Name}");
            var first = await FirstNamedAsync(replica, slug, $"Markets seen by {replica.Name}", Stopwatch.StartNew(), TimeSpan.FromSeconds(5), cancel);
            Assert.True(first < TimeSpan.FromSeconds(5), $"{replica.Name} never showed the first rename.");

            version = await RenameAsync(id, version, slug, $"Markets renamed for {replica.Name}");
            var acknowledged = Stopwatch.StartNew();
            var seen = await FirstNamedAsync(replica, slug, $"Markets renamed for {replica.Name}", acknowledged, TimeSpan.FromSeconds(3), cancel);

            TestContext.Current.TestOutputHelper?.WriteLine($"{replica.Name} showed the rename {seen.TotalMilliseconds:F0} ms after A acknowledged it.");
            Assert.True(seen < AtOnce, $"{replica.Name} showed the renamed section {seen.TotalMilliseconds:F0} ms after A acknowledged it (at most {AtOnce.TotalMilliseconds} ms): it kept its own snapshot.");
        }
    }, TestContext.Current.CancellationToken);

    /// <summary>Asks <paramref name="replica"/> as a reader would, from the moment of the acknowledgement, until the story is on its page and the front page.</summary>
    private async Task<TimeSpan> FirstServedAsync(Replica replica, string slug, Stopwatch since, CancellationToken cancel)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(5))
        {
            var data = await cluster.DataAsync(replica.GraphQLUrl, ServedQuery, new { slug }, Caller.Anonymous);
            if (data.GetProperty("article").ValueKind == JsonValueKind.Object
                && data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("slug").GetString() == slug))
            {
                return since.Elapsed;
            }

            await Task.Delay(10, cancel);
        }

        return since.Elapsed;
    }

    private async Task<TimeSpan> FirstNamedAsync(Replica replica, string slug, string name, Stopwatch since, TimeSpan patience, CancellationToken cancel)
    {
        while (since.Elapsed < patience)
        {
            var data = await cluster.DataAsync(replica.GraphQLUrl, "query($slug: String!) { section(slug: $slug) { name } }", new { slug }, Caller.Anonymous);
            if (data.GetProperty("section") is { ValueKind: JsonValueKind.Object } section && section.GetProperty("name").GetString() == name)
            {
                return since.Elapsed;
            }

            await Task.Delay(10, cancel);
        }

        return since.Elapsed;
    }

    private async Task<int> RenameAsync(string id, int version, string slug, string name)
    {
        var renamed = await cluster.StaffDataAsync(cluster.A.GraphQLUrl, """
            mutation($id: ID!, $version: Int!, $input: SectionInput!) { updateSection(id: $id, expectedVersion: $version, input: $input) { name version } }
            """, new { id, version, input = new { name, slug, displayOrder = 5 } });
        Assert.Equal(name, renamed.GetProperty("updateSection").GetProperty("name").GetString());
        return renamed.GetProperty("updateSection").GetProperty("version").GetInt32();
    }
}
