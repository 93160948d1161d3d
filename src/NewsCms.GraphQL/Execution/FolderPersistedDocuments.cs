using System.Collections.Frozen;
using System.Security.Cryptography;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Options;

namespace NewsCms.GraphQL.Execution;

/// <summary>
/// Persisted documents read once from a folder of <c>.graphql</c> files. A frontend's build step drops its
/// operations there; clients then send <c>documentId: "sha256:&lt;hex&gt;"</c>, over GET if they want CDN caching.
/// </summary>
internal sealed class FolderPersistedDocuments : IPersistedDocumentLoader
{
    private readonly FrozenDictionary<string, string> documentsByHash;

    public FolderPersistedDocuments(IOptions<GraphQLEndpointOptions> options)
    {
        documentsByHash = Load(options.Value.PersistedDocumentsPath).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => documentsByHash.Count;

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        new(documentIdPrefix == "sha256" && documentsByHash.TryGetValue(documentIdPayload.ToLowerInvariant(), out var query) ? query : null);

    public static string IdOf(string document) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document)));

    private static Dictionary<string, string> Load(string? folder)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return documents;
        }

        // Relative paths name a folder shipped beside the app, wherever the process was started from.
        folder = Path.GetFullPath(folder, AppContext.BaseDirectory);
        if (!Directory.Exists(folder))
        {
            return documents;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.graphql", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            documents[IdOf(text)["sha256:".Length..]] = text;
        }

        return documents;
    }
}
