using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsCms.ScaleOutTests.Infrastructure;

/// <summary>Who sends a request: anonymous, a script with an API token, or a browser with its staff cookie.</summary>
public sealed record Caller(string? BearerToken = null, string? Cookie = null, string? ForwardedFor = null)
{
    public static readonly Caller Anonymous = new();

    public void ApplyTo(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (BearerToken is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        if (Cookie is not null)
        {
            // Sent by hand: the staff cookie is Secure in Production, and a cookie container keeps it off plain http.
            headers.Add("Cookie", Cookie);
        }

        if (ForwardedFor is not null)
        {
            headers.Add("X-Forwarded-For", ForwardedFor);
        }
    }
}

/// <summary>One GraphQL answer: the HTTP status and the body as JSON.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, JsonElement Body)
{
    public bool Succeeded => Status == HttpStatusCode.OK && !Body.TryGetProperty("errors", out _) && Body.TryGetProperty("data", out _);

    public JsonElement Data => Body.GetProperty("data");

    /// <summary>The <c>extensions.code</c> of every error, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes => Body.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() : null)]
        : [];
}

/// <summary>GraphQL over HTTP as a frontend or a script sends it: POST with JSON, or GET for a query a CDN may cache.</summary>
public static class GraphQLCaller
{
    public static async Task<GraphQLAnswer> PostAsync(
        this HttpClient http, Uri endpoint, string query, object? variables, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        caller.ApplyTo(request.Headers);
        return await SendAsync(http, request, cancellationToken);
    }

    public static async Task<GraphQLAnswer> GetAsync(this HttpClient http, Uri endpoint, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{endpoint}?query={Uri.EscapeDataString(query)}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await SendAsync(http, request, cancellationToken);
    }

    private static async Task<GraphQLAnswer> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return new GraphQLAnswer(response.StatusCode, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            // nginx's own error pages are HTML: keep them readable in a failure message.
            using var wrapped = JsonDocument.Parse(JsonSerializer.Serialize(new { notJson = text.Length > 500 ? text[..500] : text }));
            return new GraphQLAnswer(response.StatusCode, wrapped.RootElement.Clone());
        }
    }
}
