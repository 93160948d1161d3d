using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Http;

/// <summary>GraphQL over HTTP as clients and CDNs meet it: methods, media types, limits, persisted documents, errors.</summary>
public sealed class GraphQLTransportTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private static readonly string LatestArticles = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PersistedDocuments", "latest-articles.graphql"));

    private readonly HttpClient client = api.CreateClientOrSkip();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_over_GET_works_and_a_mutation_over_GET_is_refused()
    {
        using var query = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ articles(first: 1) { nodes { slug } } }"), Cancel);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("application/json", query.Content.Headers.ContentType?.MediaType);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        using var mutation = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
    }

    [Fact]
    public async Task A_real_mutation_over_GET_gets_405_and_changes_nothing_even_for_a_signed_in_caller()
    {
        using var staff = await api.StaffClientAsync(Core.Staff.StaffRoles.Administrator, Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { createApiToken(name: \"over-get\") { secret } }"));
        request.Headers.Accept.ParseAdd(GraphQLResponse);

        using var response = await staff.SendAsync(request, Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("POST", response.Content.Headers.Allow);
        var tokens = (await staff.DataAsync("{ apiTokens { name } }")).GetProperty("apiTokens").EnumerateArray();
        Assert.DoesNotContain(tokens, t => t.GetProperty("name").GetString() == "over-get");
    }

    [Fact]
    public async Task The_response_type_follows_the_accept_header()
    {
        using var modern = await PostAsync("""{"query":"{ __typename }"}""", accept: GraphQLResponse);
        Assert.Equal(GraphQLResponse, modern.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", modern.Content.Headers.ContentType?.CharSet);

        using var legacy = await PostAsync("""{"query":"{ __typename }"}""", accept: "application/json");
        Assert.Equal("application/json", legacy.Content.Headers.ContentType?.MediaType);

        using var unacceptable = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, unacceptable.StatusCode);
    }

    [Fact]
    public async Task A_document_that_cannot_run_is_400_for_modern_clients_and_200_with_errors_for_legacy_ones()
    {
        using var modern = await PostAsync("""{"query":"{ nosuchfield }"}""", accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        var body = JsonDocument.Parse(await modern.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.False(body.TryGetProperty("data", out _));

        using var legacy = await PostAsync("""{"query":"{ nosuchfield }"}""", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.True(JsonDocument.Parse(await legacy.Content.ReadAsStringAsync(Cancel)).RootElement.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("""{"query": 1}""")]
    [InlineData("""{"query": "{ __typename }", "variables": "x"}""")]
    [InlineData("""{"query": "{ __typename }", "operationName": false}""")]
    [InlineData("""{"qeury": "{ __typename }"}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{ "not json""")]
    public async Task Malformed_requests_are_refused_with_a_coded_error(string body)
    {
        using var response = await PostAsync(body, accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(["INVALID_REQUEST"], result.ErrorCodes());
    }

    [Fact]
    public async Task Bodies_that_are_not_JSON_or_too_large_are_refused_before_parsing()
    {
        using var text = new StringContent("{ __typename }", Encoding.UTF8, "application/graphql");
        using var wrongType = await client.PostAsync("/graphql", text, Cancel);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        using var latin1 = new StringContent("""{"query":"{ __typename }"}""", Encoding.Latin1, "application/json");
        using var wrongCharset = await client.PostAsync("/graphql", latin1, Cancel);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongCharset.StatusCode);

        var huge = JsonSerializer.Serialize(new { query = "{ __typename }", variables = new { padding = new string('x', 70_000) } });
        using var tooLarge = await PostAsync(huge, accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        using var put = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var wrongMethod = await client.SendAsync(put, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task Persisted_documents_run_by_id_over_POST_and_cacheable_GET()
    {
        var id = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(LatestArticles)));

        using var post = await PostAsync(JsonSerializer.Serialize(new { documentId = id, variables = new { first = 2 } }), accept: GraphQLResponse);
        var posted = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(2, posted.GetProperty("data").GetProperty("articles").GetProperty("nodes").GetArrayLength());

        using var get = await client.GetAsync($"/graphql?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString("""{"first":3}""")}", Cancel);
        var got = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(3, got.GetProperty("data").GetProperty("articles").GetProperty("nodes").GetArrayLength());

        using var unknown = await PostAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + new string('0', 64) }), accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["DOCUMENT_NOT_FOUND"], JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Cancel)).RootElement.ErrorCodes());
    }

    [Fact]
    public async Task Deep_or_costly_documents_are_refused_before_they_run()
    {
        var deep = "{ sections { " + string.Concat(Enumerable.Repeat("children { ", 25)) + "slug" + new string('}', 25) + " } }";
        var refusedDeep = await client.QueryAsync(deep);
        Assert.Contains(refusedDeep.ErrorCodes(), code => code is not null && code.Contains("COMPLEXITY", StringComparison.Ordinal));

        var costly = "{ " + string.Join(' ', Enumerable.Range(0, 30).Select(i =>
            $"a{i}: articles(first: 100) {{ nodes {{ authors {{ articles(first: 100) {{ nodes {{ slug }} }} }} }} }}")) + " }";
        var refusedCostly = await client.QueryAsync(costly);
        Assert.Contains(refusedCostly.ErrorCodes(), code => code is not null && code.Contains("COMPLEXITY", StringComparison.Ordinal));
        Assert.False(refusedCostly.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task The_standard_introspection_query_passes_the_limits()
    {
        var introspection = await NodeTools.IntrospectionQueryAsync();

        var data = await client.DataAsync(introspection);

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unexpected_failures_are_masked_and_carry_a_trace_id()
    {
        await using (var connection = new SqliteConnection(api.Database.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE Tags RENAME TO TagsGone";
            await rename.ExecuteNonQueryAsync(Cancel);
        }

        try
        {
            var result = await client.QueryAsync("""{ tag(slug: "tag-0") { name } }""");
            var error = result.GetProperty("errors")[0];
            Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("extensions").GetProperty("traceId").GetString()));
            Assert.DoesNotContain("TagsGone", result.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SQLite", result.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await using var connection = new SqliteConnection(api.Database.ConnectionString);
            await connection.OpenAsync(Cancel);
            await using var restore = connection.CreateCommand();
            restore.CommandText = "ALTER TABLE TagsGone RENAME TO Tags";
            await restore.ExecuteNonQueryAsync(Cancel);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request, Cancel);
    }
}
