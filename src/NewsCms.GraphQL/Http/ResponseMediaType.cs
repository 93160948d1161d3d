using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// The two response formats of GraphQL over HTTP. <c>application/graphql-response+json</c> lets status codes carry
/// meaning (a request that could not execute gets 400); plain <c>application/json</c> always answers 200 so that
/// older clients read the errors from the body.
/// </summary>
internal enum ResponseMediaType
{
    GraphQLResponseJson,
    Json,
}

internal static class ResponseMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response type from the Accept header; null when nothing we speak is acceptable. The newer type is
    /// used only when the client names it: a missing header or <c>*/*</c> means a client that may predate it.
    /// </summary>
    public static ResponseMediaType? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var acceptable))
        {
            return ResponseMediaType.Json;
        }

        var ranked = acceptable.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1).ToList();
        foreach (var candidate in ranked)
        {
            if (candidate.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return ResponseMediaType.GraphQLResponseJson;
            }

            if (candidate.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || candidate.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || candidate.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                return ResponseMediaType.Json;
            }
        }

        return null;
    }

    public static string ContentTypeOf(ResponseMediaType type) =>
        (type == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJson : Json) + "; charset=utf-8";
}
