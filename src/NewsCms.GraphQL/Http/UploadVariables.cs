using GraphQL;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// Puts each file of a multipart request where its <c>map</c> path says, in place of the null the client sent there.
/// The variables are copied along the path rather than changed, since the parsed maps are not ours to mutate.
/// </summary>
internal static class UploadVariables
{
    public static Inputs? Place(Inputs? variables, IReadOnlyList<UploadPlacement> uploads)
    {
        if (uploads.Count == 0)
        {
            return variables;
        }

        object? root = variables is null ? new Dictionary<string, object?>() : variables;
        foreach (var placement in uploads)
        {
            root = PlaceAt(root, placement.VariablePath, 0, placement.Upload);
        }

        return new Inputs((Dictionary<string, object?>)root!);
    }

    private static object? PlaceAt(object? container, IReadOnlyList<string> path, int depth, Upload upload)
    {
        if (depth == path.Count)
        {
            return container is null ? upload : throw new InvalidUploadPathException(path, "it must be null in 'operations'");
        }

        var segment = path[depth];
        switch (container)
        {
            case IReadOnlyDictionary<string, object?> map:
                var copy = new Dictionary<string, object?>(map, StringComparer.Ordinal);
                if (!copy.TryGetValue(segment, out var child))
                {
                    throw new InvalidUploadPathException(path, "no such variable was sent in 'operations'");
                }

                copy[segment] = PlaceAt(child, path, depth + 1, upload);
                return copy;
            case IEnumerable<object?> list when container is not string && int.TryParse(segment, out var index):
                var items = list.ToList();
                if (index < 0 || index >= items.Count)
                {
                    throw new InvalidUploadPathException(path, "the list has no such item");
                }

                items[index] = PlaceAt(items[index], path, depth + 1, upload);
                return items;
            default:
                throw new InvalidUploadPathException(path, "no such variable");
        }
    }
}

/// <summary>A <c>map</c> path that does not lead to a null in the variables.</summary>
internal sealed class InvalidUploadPathException(IReadOnlyList<string> path, string reason)
    : Exception($"'map' names 'variables.{string.Join('.', path)}', but {reason}.");
