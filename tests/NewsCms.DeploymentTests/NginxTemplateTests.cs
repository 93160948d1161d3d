using System.Net;
using NewsCms.DeploymentTests.Infrastructure;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests;

/// <summary>
/// deploy/nginx/newscms.conf.template, rendered with loopback values and run by Debian's nginx in front of two
/// stand-in replicas: the placeholders contract, the syntax (`nginx -t`), and the routing the admin and the API need.
/// </summary>
public sealed class NginxTemplateTests
{
    [Fact]
    public void The_template_has_exactly_the_two_placeholders_of_its_contract()
    {
        var found = NginxTemplate.PlaceholdersIn(NginxTemplate.Text);
        Assert.Equal(NginxTemplate.Placeholders, found.Distinct().Order(StringComparer.Ordinal));
        // One listen, and the same replicas in both upstreams.
        Assert.Equal(1, found.Count(name => name == "NEWSCMS_LISTEN"));
        Assert.Equal(2, found.Count(name => name == "NEWSCMS_UPSTREAM_SERVERS"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Nginx_accepts_the_template_rendered_for_loopback(int replicas)
    {
        NginxProcess.RequireInstalled();
        var folder = NginxProcess.NewFolder();
        try
        {
            var upstreams = Enumerable.Range(0, replicas).Select(i => $"server 127.0.0.1:{18081 + i} max_fails=1 fail_timeout=5s;");
            var main = NginxProcess.WriteConfiguration(folder, "127.0.0.1:18080", upstreams);

            var (exitCode, output, errors) = await ChildProcess.RunAsync(
                NginxProcess.Binary!, ["-t", "-p", folder, "-c", main, "-e", "stderr"], folder, timeout: TimeSpan.FromSeconds(20));

            Assert.True(exitCode == 0, $"nginx -t failed:\n{output}{errors}");
            Assert.Contains("syntax is ok", errors, StringComparison.Ordinal);
            Assert.Contains("test is successful", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("[warn]", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_admin_and_its_circuit_stay_on_one_replica_and_the_api_is_spread_over_all()
    {
        await using var first = await LoopbackBackend.StartAsync(200);
        await using var second = await LoopbackBackend.StartAsync(200);
        await using var nginx = await NginxProcess.StartAsync([first, second]);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = nginx.BaseAddress };
        var token = TestContext.Current.CancellationToken;

        // The API: sequential requests alternate over both replicas, and carry no affinity cookie.
        var apiReplicas = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync($"graphql?query=%7Bx%7D&n={i}", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), "the API must stay cacheable: no cookie on it");
            apiReplicas.Add(ServedBy(response));
        }

        Assert.Equal(new[] { first.Address, second.Address }.Order(StringComparer.Ordinal), apiReplicas.Order(StringComparer.Ordinal));

        // The admin: the first page sets the affinity cookie; with it, the page, its circuit and later pages all reach
        // the replica that served that first page.
        using var firstPage = await client.GetAsync("admin", token);
        var cookie = Assert.Single(firstPage.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("newscms_affinity=", cookie, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", cookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Lax", cookie, StringComparison.Ordinal);
        Assert.Contains("Path=/", cookie, StringComparison.Ordinal);
        var affinity = cookie.Split(';')[0];
        var home = ServedBy(firstPage);

        foreach (var path in new[] { "admin/stories", "_blazor/negotiate?negotiateVersion=1", "_blazor?id=abc", "admin", "admin/media" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", affinity);
            using var response = await client.SendAsync(request, token);
            Assert.Equal(home, ServedBy(response));
            Assert.False(response.Headers.Contains("Set-Cookie"), "a browser that has the cookie keeps it");
        }

        // Several browsers spread over the replicas: the affinity is per browser, not one replica for everybody.
        var homes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40 && homes.Count < 2; i++)
        {
            using var response = await client.GetAsync("admin", token);
            homes.Add(ServedBy(response));
        }

        Assert.Equal(2, homes.Count);

        // Every replica learns the browser's address, scheme and host.
        var received = first.Received.Concat(second.Received).ToList();
        Assert.All(received, r =>
        {
            Assert.Equal("127.0.0.1", r.ForwardedFor);
            Assert.Equal("http", r.ForwardedProto);
            Assert.Equal($"127.0.0.1:{nginx.BaseAddress.Port}", r.ForwardedHost);
        });

        // The access log names the replica of each request.
        Assert.Contains(nginx.Lines, line => line.Contains("\"GET /admin HTTP/1.1\" 200", StringComparison.Ordinal)
            && line.Contains($"upstream={home}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_that_a_replica_refuses_is_retried_on_another()
    {
        await using var first = await LoopbackBackend.StartAsync(503);
        await using var second = await LoopbackBackend.StartAsync(503);
        await using var nginx = await NginxProcess.StartAsync([first, second]);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress };

        using var response = await client.GetAsync("graphql?query=%7Bx%7D", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(first.Received);
        Assert.Single(second.Received);
        Assert.Contains(", ", ServedBy(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_reached_a_replica_is_never_sent_to_a_second_one()
    {
        await using var first = await LoopbackBackend.StartAsync(503);
        await using var second = await LoopbackBackend.StartAsync(503);
        await using var nginx = await NginxProcess.StartAsync([first, second]);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress };

        using var body = new StringContent("""{"query":"mutation { x }"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("graphql", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(first.Received.Concat(second.Received), r => r.Method == "POST");
    }

    private static string ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) ? string.Join(", ", values) : "";
}
