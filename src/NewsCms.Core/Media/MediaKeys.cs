namespace NewsCms.Core.Media;

/// <summary>
/// The store's layout: everything of one asset under <c>assets/{storageId}/</c>, so that deleting an asset, or
/// sweeping one nobody owns, is one prefix.
/// </summary>
public static class MediaKeys
{
    public const string Root = "assets/";

    public static string FolderOf(string storageId) => $"{Root}{storageId}/";

    public static string OriginalOf(string storageId) => $"{FolderOf(storageId)}original";

    /// <summary>A rendition's key: its name is the last segment of its URL, already checked against the allowed sizes.</summary>
    public static string RenditionOf(string storageId, string renditionName) => $"{FolderOf(storageId)}renditions/{renditionName}";

    /// <summary>The storage id a key belongs to, or null for a key outside the layout.</summary>
    public static string? StorageIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('/', Root.Length);
        return end <= Root.Length ? null : key[Root.Length..end];
    }

    /// <summary>
    /// A key every store can hold the same way: '/'-separated, non-empty segments, none of them "." or "..", no
    /// backslash. Keys come from this class, so a key that fails this is a bug and stores refuse it.
    /// </summary>
    public static bool IsWellFormed(string? key) =>
        !string.IsNullOrEmpty(key)
        && !key.Contains('\\', StringComparison.Ordinal)
        && key.Split('/').All(segment => segment.Length > 0 && segment is not ("." or ".."));

    public static string NewStorageId() => Guid.NewGuid().ToString("N");
}
