using GraphQL;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Articles;

/// <summary>Reading the arguments the editorial fields share: article ids and times.</summary>
internal static class EditorialArguments
{
    /// <summary>An id that is not an article's cannot name one: NOT_FOUND, as for an article that was deleted.</summary>
    public static int ArticleId(IResolveFieldContext context, string name) =>
        GlobalIdArguments.Require(context.GetArgument<string>(name), ArticleGraphType.TypeName, "The article");

    /// <summary>
    /// Times are stored in UTC. A value sent with an offset arrives as that instant (local to the server, or as an
    /// offset), one without an offset is read as UTC, so the server's own time zone never shifts a story.
    /// </summary>
    public static DateTime? Utc(object? value) => value switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        DateTime other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
        _ => null,
    };
}
