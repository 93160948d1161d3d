using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Http;

/// <summary>What configuration can switch off, switched off.</summary>
public sealed class PersistedOnlyConfigurationTests(LockedDownApi api) : IClassFixture<LockedDownApi>
{
    private readonly HttpClient client = api.CreateClientOrSkip();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ad_hoc_documents_are_refused_while_persisted_ones_run_and_may_be_cached()
    {
        using var adHoc = await client.PostAsync("/graphql", Json(new { query = "{ articles { nodes { slug } } }" }), Cancel);
        var refused = JsonDocument.Parse(await adHoc.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(["DOCUMENT_ID_MISSING"], refused.ErrorCodes());
        Assert.False(refused.TryGetProperty("data", out _));

        var document = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PersistedDocuments", "latest-articles.graphql"), Cancel);
        var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        using var persisted = await client.GetAsync($"/graphql?documentId={id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, persisted.StatusCode);
        Assert.Equal("public, max-age=60", persisted.Headers.CacheControl?.ToString());
        Assert.Equal(20, JsonDocument.Parse(await persisted.Content.ReadAsStringAsync(Cancel)).RootElement
            .GetProperty("data").GetProperty("articles").GetProperty("nodes").GetArrayLength());
    }

    internal static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed class NoIntrospectionConfigurationTests(NoIntrospectionApi api) : IClassFixture<NoIntrospectionApi>
{
    private readonly HttpClient client = api.CreateClientOrSkip();

    [Fact]
    public async Task Introspection_can_be_switched_off_while_content_queries_still_run()
    {
        var refused = await client.QueryAsync("{ __schema { queryType { name } } }");
        Assert.Contains("NO_INTROSPECTION", refused.ErrorCodes());
        Assert.False(refused.TryGetProperty("data", out _));

        var content = await client.DataAsync("{ articles(first: 1) { nodes { slug } } }");
        Assert.Equal(1, content.GetProperty("articles").GetProperty("nodes").GetArrayLength());
    }
}
