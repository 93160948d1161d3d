using System.Globalization;

namespace NewsCms.ScaleOutTests;

/// <summary>A limit is the cluster's, not each replica's: three replicas must not triple what one client may send.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class RateLimitTests(ScaleOutCluster cluster)
{
    private const string SignUp = """
        mutation($email: String!) { subscribeToNewsletter(email: $email) { accepted } }
        """;

    [Fact(Timeout = 60_000)]
    public Task Newsletter_sign_ups_from_one_client_are_counted_across_replicas() => cluster.RunAsync(async cancel =>
    {
        // One reader's address as the proxy in front forwards it; documentation range (RFC 5737), unique per run.
        var client = new Caller(ForwardedFor: string.Create(CultureInfo.InvariantCulture, $"198.51.100.{Random.Shared.Next(1, 255)}"));
        var limit = ScaleOutCluster.SubscriptionsPerAddressPerHour;
        var outcomes = new List<string>();
        for (var i = 0; i < limit + 2; i++)
        {
            // A, B, C, A, B, C: each replica alone sees two sign-ups, well under the limit.
            var replica = cluster.Replicas[i % 3];
            var answer = await cluster.Http.PostAsync(replica.GraphQLUrl, SignUp, new { email = $"reader-{Guid.NewGuid():N}@example.com" }, client, cancel);
            outcomes.Add($"{replica.Name}: {(answer.Succeeded ? "accepted" : string.Join(",", answer.ErrorCodes))}");
        }

        var expected = Enumerable.Range(0, limit + 2).Select(i => $"{cluster.Replicas[i % 3].Name}: {(i < limit ? "accepted" : "RATE_LIMITED")}").ToList();
        Assert.True(expected.SequenceEqual(outcomes),
            $"With a limit of {limit} sign-ups per client for the cluster, expected [{string.Join(", ", expected)}] but got [{string.Join(", ", outcomes)}]: " +
            "a replica that counts alone lets each replica take the whole limit.");

        // The count is the client's, read from the forwarded header: another reader behind the same proxy signs up.
        var another = new Caller(ForwardedFor: "203.0.113.77");
        var accepted = await cluster.Http.PostAsync(cluster.A.GraphQLUrl, SignUp, new { email = $"reader-{Guid.NewGuid():N}@example.com" }, another, cancel);
        Assert.True(accepted.Succeeded, $"Another client was refused: {accepted.Body}");
    }, TestContext.Current.CancellationToken);
}
