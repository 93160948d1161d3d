namespace NewsCms.Core.Media;

/// <summary>
/// Where media bytes live: Azure Blob Storage in production, a folder for the embedded default. Keys are
/// '/'-separated paths chosen by the core (<see cref="MediaKeys"/>), never by a caller.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the blob at <paramref name="key"/>, replacing any blob there, without
    /// holding it whole in memory. A failed or cancelled write leaves the key as it was: no blob, or the previous one
    /// whole; never part of the new one. The content type is recorded
    /// where the store can keep it (Azure serves it to a CDN that reads the container directly).
    /// </summary>
    Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the blob, or null when there is none. The caller disposes it.</summary>
    Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the blob; a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every blob whose key starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<StoredMediaInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Proves that the store can take a write now, for a readiness probe: returns when it can, throws when it cannot.
    /// Cheap enough to run every few seconds, and leaves nothing behind that a listing would show.
    /// </summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An open blob. <see cref="Content"/> is seekable so that HTTP range requests need no copy. The content type is the
/// asset's (or the rendition's) to say, not the store's.
/// </summary>
public sealed record StoredMedia(Stream Content, long Length, DateTimeOffset LastModified) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// One blob in a listing. <see cref="IsIncompleteWrite"/> marks what a store keeps while a write is under way (the
/// folder store's temporary files): never a blob a reader can open, and once old, the remains of a crash that the
/// sweep removes whoever owns the asset.
/// </summary>
public sealed record StoredMediaInfo(string Key, long Length, DateTimeOffset LastModified, bool IsIncompleteWrite = false);
