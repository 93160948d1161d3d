using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Relay;

/// <summary>Global ids that callers send back: the key of the object they name, or the error the caller can act on.</summary>
internal static class GlobalIdArguments
{
    /// <summary>
    /// The key of the object an argument names. An id that is not of <paramref name="typeName"/> names nothing of
    /// that kind, so it is NOT_FOUND like the id of a deleted one.
    /// </summary>
    public static int Require(string? globalId, string typeName, string what) =>
        GlobalId.IdOf(globalId, typeName) ?? throw NewsCmsException.NotFound(what);

    /// <summary>An optional reference inside an input: null stays null, an id of another kind is a VALIDATION error of <paramref name="field"/>.</summary>
    /// <remarks>Takes the raw input value: an ID literal may arrive as a number, which is no global id either.</remarks>
    public static int? Optional(object? globalId, string typeName, string field)
    {
        if (globalId is null)
        {
            return null;
        }

        return GlobalId.IdOf(globalId as string, typeName)
            ?? throw NewsCmsException.Invalid(field, $"'{field}' is not the id of a {typeName.ToLowerInvariant()}.");
    }
}
