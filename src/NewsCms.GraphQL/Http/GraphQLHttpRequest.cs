using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsCms.GraphQL.Http;

/// <summary>A GraphQL request as it arrived over HTTP, after its shape has been checked.</summary>
internal sealed record GraphQLHttpRequest(
    string? Query,
    string? DocumentId,
    string? OperationName,
    JsonElement? Variables,
    JsonElement? Extensions)
{
    public bool IsGet { get; init; }

    /// <summary>The files of a multipart request and where in the variables each one goes.</summary>
    public IReadOnlyList<UploadPlacement> Uploads { get; init; } = [];
}

/// <summary>A file and one variable path (<c>variables.file</c> as ["file"]) it stands at.</summary>
internal sealed record UploadPlacement(IReadOnlyList<string> VariablePath, Upload Upload);

/// <summary>Why a request could not be read; the status is 400 unless a more precise one applies.</summary>
internal sealed record RequestProblem(string Message, int? FixedStatusCode = null, string Code = "INVALID_REQUEST");

/// <summary>
/// Reads GET query strings and JSON POST bodies into <see cref="GraphQLHttpRequest"/>. Wrong types are refused here,
/// before the executer, because GraphQL over HTTP treats them as a malformed request rather than a GraphQL error.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    public static async Task<(GraphQLHttpRequest? Request, RequestProblem? Problem)> ReadAsync(HttpRequest http, int maxBytes)
    {
        if (HttpMethods.IsGet(http.Method))
        {
            return ReadGet(http.Query);
        }

        var problem = CheckContentType(http.ContentType);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (http.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var body = await ReadBodyAsync(http, maxBytes);
        if (body is null)
        {
            return (null, TooLarge(maxBytes));
        }

        if (body.Length == 0)
        {
            return (null, new RequestProblem("The request body is empty; send a JSON object with a 'query'."));
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return ReadPost(json.RootElement);
        }
        catch (JsonException)
        {
            return (null, new RequestProblem("The request body is not valid JSON."));
        }
    }

    private static RequestProblem? CheckContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return new RequestProblem("Send the request as 'Content-Type: application/json'.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new RequestProblem($"Content type '{mediaType.MediaType}' is not supported; use application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        var charset = mediaType.Charset.ToString();
        if (charset.Length > 0 && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return new RequestProblem($"Charset '{charset}' is not supported; send UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        return null;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer, whatever Content-Length claimed.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest http, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    internal static (GraphQLHttpRequest?, RequestProblem?) ReadPost(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, new RequestProblem("The request body must be a JSON object."));
        }

        string? query = null, documentId = null, operationName = null;
        JsonElement? variables = null, extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            var problem = property.Name switch
            {
                "query" => ReadString(value, "query", out query),
                "documentId" => ReadString(value, "documentId", out documentId),
                "operationName" => ReadString(value, "operationName", out operationName),
                "variables" => ReadMap(value, "variables", out variables),
                "extensions" => ReadMap(value, "extensions", out extensions),
                _ => null,
            };
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        return Complete(new GraphQLHttpRequest(query, documentId, operationName, variables, extensions));
    }

    private static (GraphQLHttpRequest?, RequestProblem?) ReadGet(IQueryCollection query)
    {
        var problem = ReadJsonParameter(query, "variables", out var variables);
        JsonElement? extensions = null;
        problem ??= ReadJsonParameter(query, "extensions", out extensions);
        if (problem is not null)
        {
            return (null, problem);
        }

        return Complete(new GraphQLHttpRequest(
            NullIfEmpty(query["query"]), NullIfEmpty(query["documentId"]), NullIfEmpty(query["operationName"]), variables, extensions)
        {
            IsGet = true,
        });
    }

    /// <summary>GET carries maps as URL-encoded JSON text.</summary>
    private static RequestProblem? ReadJsonParameter(IQueryCollection query, string name, out JsonElement? result)
    {
        result = null;
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(raw);
            return ReadMap(json.RootElement, name, out result);
        }
        catch (JsonException)
        {
            return new RequestProblem($"'{name}' must be a JSON-encoded object.");
        }
    }

    private static (GraphQLHttpRequest?, RequestProblem?) Complete(GraphQLHttpRequest request) =>
        request.Query is null && request.DocumentId is null
            ? (null, new RequestProblem("The request has neither a 'query' nor a 'documentId'."))
            : (request, null);

    private static RequestProblem? ReadString(JsonElement value, string name, out string? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                result = value.GetString();
                return null;
            default:
                return new RequestProblem($"'{name}' must be a string.");
        }
    }

    private static RequestProblem? ReadMap(JsonElement value, string name, out JsonElement? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                result = value.Clone();
                return null;
            default:
                return new RequestProblem($"'{name}' must be an object.");
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value[0];

    internal static RequestProblem TooLarge(long maxBytes) =>
        new($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
