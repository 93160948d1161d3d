using GraphQL;

namespace NewsCms.GraphQL;

/// <summary>
/// An input-object argument as the caller sent it: GraphQL has already checked the types, so resolvers only map the
/// fields onto a core input, and an omitted field reads as null.
/// </summary>
internal sealed class InputFields(IDictionary<string, object?> fields)
{
    public static InputFields Of(IResolveFieldContext context, string argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.GetArgument<IDictionary<string, object?>>(argument) ?? new Dictionary<string, object?>());
    }

    public object? this[string name] => fields.TryGetValue(name, out var value) ? value : null;

    public string? Text(string name) => this[name] as string;

    /// <summary>A field the input type declares non-null.</summary>
    public T Required<T>(string name) => this[name] is T value ? value : throw new InvalidOperationException($"The input field '{name}' is declared non-null.");
}
