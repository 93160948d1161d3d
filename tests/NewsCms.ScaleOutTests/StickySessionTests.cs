using System.Net;

namespace NewsCms.ScaleOutTests;

/// <summary>
/// The admin is Blazor Server: a circuit lives in the process that rendered the page, so nginx pins an editor's
/// /admin and /_blazor requests to one replica by the <c>newscms_affinity</c> cookie. Which replica answered shows in
/// its request log, found by a unique probe in each request's query string, and in nginx's X-Served-By header.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class StickySessionTests(ScaleOutCluster cluster)
{
    private const string AdminPage = "admin/account/sign-in";
    private const string ServedByHeader = "X-Served-By";

    [Fact(Timeout = 60_000)]
    public Task Admin_requests_with_one_affinity_cookie_reach_one_replica() => cluster.RunAsync(async cancel =>
    {
        var affinity = await AffinityCookieAsync(cancel);

        var answeredBy = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            // The page, then the circuit's negotiation, as a browser opening the admin sends them.
            var (method, path) = i % 2 == 0 ? (HttpMethod.Get, AdminPage) : (HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
            answeredBy.Add(await AnsweredByAsync(method, path, affinity, cancel));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{LoadBalancer.AffinityCookie}={affinity}: {string.Join(", ", answeredBy)} ({cluster.LoadBalancer.SiteSource}).");
        Assert.Single(answeredBy.Distinct());
    }, TestContext.Current.CancellationToken);

    [Fact(Timeout = 60_000)]
    public Task Different_affinity_cookies_spread_over_the_replicas() => cluster.RunAsync(async cancel =>
    {
        var answeredBy = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            answeredBy.Add(await AnsweredByAsync(HttpMethod.Get, AdminPage, $"editor-{Guid.NewGuid():N}", cancel));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Twelve editors landed on: {string.Join(", ", answeredBy)}.");
        Assert.True(answeredBy.Distinct().Count() >= 2, $"Twelve different cookies all reached {answeredBy[0]}: the affinity pins but does not spread.");
    }, TestContext.Current.CancellationToken);

    /// <summary>nginx's affinity cookie as it sets it on a first visit to the admin.</summary>
    private async Task<string> AffinityCookieAsync(CancellationToken cancel)
    {
        using var response = await cluster.Http.GetAsync(new Uri(cluster.LoadBalancer.BaseUrl, AdminPage), cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prefix = $"{LoadBalancer.AffinityCookie}=";
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal)) : null;
        if (setCookie is null)
        {
            Assert.Fail($"nginx set no {LoadBalancer.AffinityCookie} cookie on a first visit to /{AdminPage} (Set-Cookie: {string.Join(" | ", values ?? [])}).");
        }

        var value = setCookie.Split(';', 2)[0][prefix.Length..];
        Assert.NotEmpty(value);
        return value;
    }

    /// <summary>Sends one request through nginx with the affinity cookie and returns the name of the replica that logged it.</summary>
    private async Task<string> AnsweredByAsync(HttpMethod method, string path, string affinity, CancellationToken cancel)
    {
        var probe = $"affinity-probe={Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(method, new Uri(cluster.LoadBalancer.BaseUrl, $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{probe}"));
        request.Headers.Add("Cookie", $"{LoadBalancer.AffinityCookie}={affinity}");
        using var response = await cluster.Http.SendAsync(request, cancel);
        Assert.True((int)response.StatusCode < 500, $"{method} /{path} through nginx answered {(int)response.StatusCode}.");

        var loggedBy = await cluster.ReplicasThatLoggedAsync(probe);
        Assert.True(loggedBy.Count == 1, $"{method} /{path} ({probe}) was logged by {loggedBy.Count} replicas: {string.Join(", ", loggedBy.Select(r => r.Name))}.");

        // nginx names the replica it used in X-Served-By ($upstream_addr: every one it tried, the last answered).
        if (response.Headers.TryGetValues(ServedByHeader, out var servedBy))
        {
            var address = servedBy.Single().Split(',', StringSplitOptions.TrimEntries)[^1];
            Assert.True(loggedBy[0].BaseUrl.Authority == address, $"{ServedByHeader} says {address}, but replica {loggedBy[0].Name} ({loggedBy[0].BaseUrl.Authority}) logged {probe}.");
        }

        return loggedBy[0].Name;
    }
}
