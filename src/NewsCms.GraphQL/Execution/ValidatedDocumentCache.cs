using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace NewsCms.GraphQL.Execution;

/// <summary>
/// Keeps documents that parsed and validated, so a frontend's repeated queries skip both steps. Rules that depend on
/// the caller or the variables (complexity, authorization) are registered as uncached and still run every time.
/// Bounded by count: once full, new documents are validated every time rather than evicting, so a client sending
/// endless distinct documents cannot grow memory or churn the cache.
/// </summary>
internal sealed class ValidatedDocumentCache(IOptions<GraphQLEndpointOptions> options) : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);
    private readonly int capacity = options.Value.DocumentCacheEntries;

    // After the persisted-document handler (200) has turned a document id into its text.
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null)
        {
            return await next(options).ConfigureAwait(false);
        }

        if (documents.TryGetValue(options.Query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is not null && documents.Count < capacity)
        {
            documents.TryAdd(options.Query, result.Document);
        }

        return result;
    }
}
