using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Health;

/// <summary>/healthz and /readyz as a load balancer calls them, on SQLite and on PostgreSQL.</summary>
public abstract class HealthEndpointTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private readonly HttpClient client = api.CreateClientOrSkip();

    [Fact]
    public async Task Liveness_answers_200_and_runs_no_check()
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = await HealthAnswer.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateArray());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_database_and_the_media_store_answer()
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = await HealthAnswer.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = HealthAnswer.Checks(body);
        Assert.Equal(["database", "media"], checks.Keys);
        Assert.All(checks.Values, check =>
        {
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("durationMs").GetDouble() >= 0);
            Assert.False(check.TryGetProperty("error", out _));
        });
    }

    [Fact]
    public async Task Probes_answer_whatever_credentials_the_request_carries()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent("{ sections { slug } }") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ncms_not-a-token");
        using var refused = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        foreach (var path in new[] { "/healthz", "/readyz" })
        {
            using var probe = new HttpRequestMessage(HttpMethod.Get, path);
            probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ncms_not-a-token");
            probe.Headers.Add("Cookie", "NewsCms.Staff=not-a-cookie");
            using var response = await client.SendAsync(probe, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    private static StringContent JsonContent(string query) =>
        new(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteHealthEndpointTests(SqliteApi api) : HealthEndpointTests<SqliteApi>(api);

public sealed class PostgreSqlHealthEndpointTests(PostgreSqlApi api) : HealthEndpointTests<PostgreSqlApi>(api);

/// <summary>Reads the body every probe answers with: <c>{status, checks: [{name, status, durationMs, error?}]}</c>.</summary>
internal static class HealthAnswer
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Dictionary<string, JsonElement> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
}
