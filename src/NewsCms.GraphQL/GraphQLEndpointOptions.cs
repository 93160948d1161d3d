namespace NewsCms.GraphQL;

/// <summary>Settings under <c>NewsCms:GraphQL</c>. The defaults suit a public API on the open internet.</summary>
public sealed class GraphQLEndpointOptions
{
    public const string SectionName = "NewsCms:GraphQL";

    public string Path { get; set; } = "/graphql";

    /// <summary>Largest request body accepted from anonymous callers, in bytes; larger ones get 413 before any parsing.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest request body accepted from signed-in staff: a long read's Markdown does not fit the public limit, and
    /// only authenticated callers can reach it.
    /// </summary>
    public int MaxStaffRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Deepest selection allowed. The standard introspection query needs about 15.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Largest estimated cost of a document; list fields multiply their children by their page size.</summary>
    public int MaxComplexity { get; set; } = 25_000;

    public bool EnableIntrospection { get; set; } = true;

    /// <summary>When true, only documents registered in <see cref="PersistedDocumentsPath"/> may run.</summary>
    public bool AllowOnlyPersistedDocuments { get; set; }

    /// <summary>A folder of <c>.graphql</c> files; each is addressable as <c>sha256:&lt;hex of its bytes&gt;</c>.</summary>
    public string? PersistedDocumentsPath { get; set; }

    /// <summary>
    /// Max-age for successful anonymous GET responses, so a CDN can cache them; 0 sends <c>no-store</c>.
    /// </summary>
    public int GetCacheMaxAgeSeconds { get; set; }

    /// <summary>How many distinct validated documents to keep parsed in memory.</summary>
    public int DocumentCacheEntries { get; set; } = 2_000;
}
