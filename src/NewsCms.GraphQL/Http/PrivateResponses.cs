using GraphQL;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// Lets a resolver say its answer must never sit in a shared cache even for an anonymous GET: a preview link can be
/// revoked at any moment, and a CDN holding the page would keep showing it.
/// </summary>
public static class PrivateResponses
{
    private const string Key = "newscms:privateResponse";

    public static void MarkPrivate(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.UserContext[Key] = true;
    }

    internal static bool IsMarked(IDictionary<string, object?> userContext) => userContext.TryGetValue(Key, out var marked) && marked is true;
}
