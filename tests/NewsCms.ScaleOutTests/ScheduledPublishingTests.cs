using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsCms.ScaleOutTests;

/// <summary>Background work happens once for the cluster, not once per replica: every replica runs the publishing job.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScheduledPublishingTests(ScaleOutCluster cluster)
{
    [Fact(Timeout = 60_000)]
    public Task A_story_scheduled_while_three_replicas_run_publishes_exactly_once() => cluster.RunAsync(async cancel =>
    {
        var slug = $"on-the-hour-{Guid.NewGuid():N}"[..24];
        var (id, version) = await cluster.CreateStoryAsync(cluster.A, slug, "Published by whichever replica claims it");
        // Three seconds ahead: every replica's one-second job meets the story as it falls due.
        var at = DateTimeOffset.UtcNow.AddSeconds(3);
        var scheduled = await cluster.StaffDataAsync(cluster.A.GraphQLUrl, """
            mutation($id: ID!, $version: Int!, $at: DateTime!) { scheduleArticle(id: $id, expectedVersion: $version, at: $at) { status } }
            """, new { id, version, at = at.ToString("O", CultureInfo.InvariantCulture) });
        Assert.Equal("SCHEDULED", scheduled.GetProperty("scheduleArticle").GetProperty("status").GetString());

        var clock = Stopwatch.StartNew();
        while (await StatusAsync(cluster.B, id) != "PUBLISHED")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"The story scheduled for {at:O} was not published after {clock.Elapsed.TotalSeconds:F0} s.");
            await Task.Delay(100, cancel);
        }

        // Two more ticks of every replica's job: a second publication would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(2.5), cancel);

        var audit = (await cluster.StaffDataAsync(cluster.C.GraphQLUrl, """
            query($id: ID!) { auditLog(entityId: $id, first: 100) { nodes { operation actor } } }
            """, new { id })).GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        var publications = audit.Where(e => e.GetProperty("operation").GetString() == "publishScheduled").ToList();
        Assert.True(publications.Count == 1, $"Expected exactly one publishScheduled audit row, found {publications.Count}: {string.Join(", ", audit)}");
        Assert.Equal("PUBLISHED", await StatusAsync(cluster.C, id));
        var reader = await cluster.DataAsync(cluster.C.GraphQLUrl, "query($slug: String!) { article(slug: $slug) { slug } }", new { slug }, Caller.Anonymous);
        Assert.Equal(JsonValueKind.Object, reader.GetProperty("article").ValueKind);

        // The job logs each story it claims: one replica, once.
        var claimedLine = new Regex($@"scheduled article\(s\): (\d+, )*{NumericId(id)}\b");
        var claimedBy = await cluster.ReplicasThatLoggedAsync(claimedLine.IsMatch);
        TestContext.Current.TestOutputHelper?.WriteLine($"Published by replica {string.Join(", ", claimedBy.Select(r => r.Name))}.");
        Assert.Single(claimedBy);
    }, TestContext.Current.CancellationToken);

    private async Task<string?> StatusAsync(Replica replica, string id) =>
        (await cluster.StaffDataAsync(replica.GraphQLUrl, "query($id: ID!) { editorialArticle(id: $id) { status } }", new { id }))
            .GetProperty("editorialArticle").GetProperty("status").GetString();

    /// <summary>The database id inside a Relay global id (base64url of <c>Article:42</c>), as the job's log line names it.</summary>
    private static string NumericId(string globalId) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId)).Split(':')[^1];
}
