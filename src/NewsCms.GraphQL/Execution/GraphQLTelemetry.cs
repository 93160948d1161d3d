namespace NewsCms.GraphQL.Execution;

/// <summary>What an OpenTelemetry set-up subscribes to in order to see GraphQL operations.</summary>
public static class GraphQLTelemetry
{
    /// <summary>The ActivitySource (a span per operation) and the Meter (operations counted) of the GraphQL layer.</summary>
    public const string SourceName = "NewsCms.GraphQL";

    /// <summary>A counter of operations, by <c>graphql.operation.name</c>, <c>graphql.operation.type</c> and <c>outcome</c>.</summary>
    public const string OperationsCounterName = "newscms.graphql.operations";

    public const string OperationNameTag = "graphql.operation.name";
    public const string OperationTypeTag = "graphql.operation.type";
    public const string DocumentIdTag = "graphql.document.id";
    public const string OutcomeTag = "outcome";
}
