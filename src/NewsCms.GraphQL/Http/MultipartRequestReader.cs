using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// Reads a request of the GraphQL multipart request spec: an <c>operations</c> part (the JSON a plain POST would
/// carry, with null where files go), a <c>map</c> part (which file goes where), then the files. Each file is spooled
/// to a temporary file as it arrives, so an upload of any size costs a buffer of memory, not its length.
/// </summary>
internal static class MultipartRequestReader
{
    /// <summary>More files than any form of ours sends is a request built to waste disk and handles.</summary>
    public const int MaxFiles = 10;

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public static async Task<(GraphQLHttpRequest? Request, RequestProblem? Problem)> ReadAsync(
        HttpRequest http, int maxJsonPartBytes, UploadedFiles files, CancellationToken cancellationToken)
    {
        MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType);
        var boundary = HeaderUtilities.RemoveQuotes(contentType!.Boundary).ToString();
        if (boundary.Length is 0 or > 200)
        {
            return Problem("A multipart/form-data request needs a boundary in its Content-Type.");
        }

        var reader = new MultipartReader(boundary, http.Body);
        var operations = await ReadJsonPartAsync(reader, "operations", maxJsonPartBytes, cancellationToken);
        if (operations.Problem is not null)
        {
            return (null, operations.Problem);
        }

        using var operationsJson = operations.Json!;
        if (operationsJson.RootElement.ValueKind == JsonValueKind.Array)
        {
            return Problem("Batched operations are not supported; send one operation object in 'operations'.");
        }

        var (request, problem) = GraphQLHttpRequestReader.ReadPost(operationsJson.RootElement);
        if (problem is not null)
        {
            return (null, problem with { Message = $"'operations': {problem.Message}" });
        }

        var map = await ReadJsonPartAsync(reader, "map", maxJsonPartBytes, cancellationToken);
        if (map.Problem is not null)
        {
            return (null, map.Problem);
        }

        using var mapJson = map.Json!;
        var (paths, mapProblem) = ReadMap(mapJson.RootElement);
        if (mapProblem is not null)
        {
            return (null, mapProblem);
        }

        var placements = new List<UploadPlacement>();
        var received = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).ToString();
            if (!paths.TryGetValue(name, out var targets))
            {
                return Problem($"The part '{name}' is not named in 'map'; every file part must be.");
            }

            if (!received.Add(name))
            {
                return Problem($"The file part '{name}' was sent twice.");
            }

            var path = files.NewPath();
            long length;
            await using (var spool = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await section.Body.CopyToAsync(spool, cancellationToken);
                length = spool.Length;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition!.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
            var upload = new Upload(path, fileName.Length == 0 ? null : fileName, section.ContentType, length);
            placements.AddRange(targets.Select(target => new UploadPlacement(target, upload)));
        }

        var missing = paths.Keys.Where(key => !received.Contains(key)).ToList();
        if (missing.Count > 0)
        {
            return Problem($"'map' names {string.Join(", ", missing.Select(m => $"'{m}'"))}, but no such file part was sent.");
        }

        return (request! with { Uploads = placements }, null);
    }

    private static async Task<(JsonDocument? Json, RequestProblem? Problem)> ReadJsonPartAsync(
        MultipartReader reader, string name, int maxBytes, CancellationToken cancellationToken)
    {
        var section = await reader.ReadNextSectionAsync(cancellationToken);
        var disposition = section?.GetContentDispositionHeader();
        if (section is null || disposition is null || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() != name || disposition.FileName.HasValue)
        {
            return (null, new RequestProblem(
                $"The multipart request must start with the field '{ExpectedParts}'; '{name}' was expected next (the GraphQL multipart request spec)."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, GraphQLHttpRequestReader.TooLarge(maxBytes) with { Message = $"The '{name}' part is larger than {maxBytes} bytes." });
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray()), null);
        }
        catch (JsonException)
        {
            return (null, new RequestProblem($"The '{name}' part is not valid JSON."));
        }
    }

    private const string ExpectedParts = "operations', then 'map";

    /// <summary>
    /// <c>{"0": ["variables.file"]}</c>: each file part's name and the variable paths it fills. Only variables can
    /// hold files here, since batches are not supported.
    /// </summary>
    private static (Dictionary<string, List<IReadOnlyList<string>>> Paths, RequestProblem? Problem) ReadMap(JsonElement root)
    {
        var paths = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (paths, new RequestProblem("'map' must be a JSON object from file part names to arrays of paths such as \"variables.file\"."));
        }

        foreach (var entry in root.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() == 0)
            {
                return (paths, new RequestProblem($"'map' entry '{entry.Name}' must be a non-empty array of paths such as \"variables.file\"."));
            }

            var targets = new List<IReadOnlyList<string>>();
            foreach (var path in entry.Value.EnumerateArray())
            {
                var text = path.ValueKind == JsonValueKind.String ? path.GetString()! : "";
                var segments = text.Split('.');
                if (segments.Length < 2 || segments[0] != "variables" || segments.Any(s => s.Length == 0))
                {
                    return (paths, new RequestProblem($"'map' entry '{entry.Name}' has the path '{text}'; paths start with 'variables.', such as \"variables.file\"."));
                }

                targets.Add(segments[1..]);
            }

            paths[entry.Name] = targets;
        }

        if (paths.Count > MaxFiles)
        {
            return (paths, new RequestProblem($"At most {MaxFiles} files can be sent in one request."));
        }

        return (paths, null);
    }

    private static (GraphQLHttpRequest?, RequestProblem?) Problem(string message) => (null, new RequestProblem(message));
}
