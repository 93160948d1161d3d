using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsCms.Api.Tests.Infrastructure;

public static class GraphQLClient
{
    public static async Task<JsonElement> QueryAsync(this HttpClient client, string query, object? variables = null, string? operationName = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables, operationName }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The data of a result that must have no errors.</summary>
    public static async Task<JsonElement> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var result = await client.QueryAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return result.GetProperty("data");
    }

    /// <summary>The codes of the errors of a result that must have errors.</summary>
    public static IReadOnlyList<string?> ErrorCodes(this JsonElement result) =>
        result.GetProperty("errors").EnumerateArray()
            .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() : null)
            .ToList();

    /// <summary>The error codes a request gets; it must get at least one.</summary>
    public static async Task<IReadOnlyList<string?>> ErrorCodesAsync(this HttpClient client, string query, object? variables = null) =>
        (await client.QueryAsync(query, variables)).ErrorCodes();

    public static JsonNode? Node(this JsonElement element) => JsonNode.Parse(element.GetRawText());
}
