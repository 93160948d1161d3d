using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace NewsCms.GraphQL.Execution;

/// <summary>
/// A span per GraphQL operation, named and tagged the way OpenTelemetry's GraphQL conventions say, and the operation's
/// name and type on the HTTP server span around it too, where every request to /graphql otherwise looks alike. Any
/// error in the result marks the span as failed. It runs first of the execution steps, so the span covers the
/// persisted-document lookup, parsing and validation as well.
/// </summary>
internal sealed class GraphQLOperationTelemetry : IConfigureExecution
{
    private const string UnknownOperation = "GraphQL Operation";

    // A client picks its operation names; the SDK caps each metric's distinct tag sets (2000 by default), and this
    // caps each name, so a client inventing names cannot make the metrics grow without bound.
    private const int MaxNameLength = 100;

    private static readonly ActivitySource Source = new(GraphQLTelemetry.SourceName);
    private static readonly Meter Meter = new(GraphQLTelemetry.SourceName);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        GraphQLTelemetry.OperationsCounterName, "{operation}", "GraphQL operations by name, type and outcome (ok, error, rejected, failed).");

    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        var server = Activity.Current;
        using var span = Source.StartActivity(UnknownOperation);
        if (span is not null && options.DocumentId is { } documentId)
        {
            span.SetTag(GraphQLTelemetry.DocumentIdTag, documentId);
        }

        ExecutionResult result;
        try
        {
            result = await next(options).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.AddException(e);
            Count(Limit(options.OperationName), null, "failed");
            throw;
        }

        // A document that never ran (it did not parse or validate) has no operation in its result: it is named by the
        // request's operationName when the client sent one, as most clients do.
        var type = TypeOf(result.Operation);
        var name = Limit(result.Operation?.Name?.StringValue ?? options.OperationName);
        Describe(span, name, type);
        Describe(server, name, type);

        if (span is not null)
        {
            span.DisplayName = type is null ? UnknownOperation : name is null ? type : $"{type} {name}";
        }

        List<string> codes = result.Errors is { Count: > 0 } errors ? [.. errors.Select(e => e.Code ?? "ERROR").Distinct(StringComparer.Ordinal)] : [];
        if (codes.Count > 0)
        {
            span?.SetStatus(ActivityStatusCode.Error, string.Join(", ", codes));
            span?.SetTag("error.type", codes[0]);
        }

        // Rejected: never executed (a document that does not parse or validate, or that the caller may not run).
        var outcome = codes.Count == 0 ? "ok" : result.Executed ? "error" : "rejected";
        Count(name, type, outcome);
        return result;
    }

    private static void Describe(Activity? activity, string? name, string? type) =>
        activity?.SetTag(GraphQLTelemetry.OperationNameTag, name).SetTag(GraphQLTelemetry.OperationTypeTag, type);

    private static void Count(string? name, string? type, string outcome)
    {
        // Every request passes here: without a listener (no OTLP endpoint configured) nothing is built at all.
        if (!Operations.Enabled)
        {
            return;
        }

        Operations.Add(1, new TagList
        {
            { GraphQLTelemetry.OperationNameTag, name },
            { GraphQLTelemetry.OperationTypeTag, type },
            { GraphQLTelemetry.OutcomeTag, outcome },
        });
    }

    private static string? TypeOf(GraphQLOperationDefinition? operation) => operation?.Operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => null,
    };

    private static string? Limit(string? name) => name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name;
}
