using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// GET must be safe: caches and prefetchers replay it. The check runs as a validation rule because only the parsed
/// document, with its operation chosen, says what a request would do — including one sent as a persisted id.
/// </summary>
internal sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public const string Code = "METHOD_NOT_ALLOWED";

    public static QueriesOnlyOverGetRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(
                context.Document.Source, Code, $"A {context.Operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.", context.Operation));
        }

        return default;
    }
}
