namespace NewsCms.Core.Media;

/// <summary>
/// Where media bytes live: Azure Blob Storage in production, a folder for the embedded default. Keys are
/// '/'-separated paths chosen by the core (<see cref="MediaKeys"/>), never by a caller.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the blob at <paramref name="key"/>, replacing any blob there, without
    /// holding it whole in memory. A failed or cancelled write leaves no blob at the key.
    /// </summary>
    Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the blob, or null when there is none. The caller disposes it.</summary>
    Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the blob; a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every blob whose key starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<StoredMediaInfo> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>An open blob. <see cref="Content"/> is seekable so that HTTP range requests need no copy.</summary>
public sealed record StoredMedia(Stream Content, long Length, string ContentType, DateTimeOffset LastModified) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public sealed record StoredMediaInfo(string Key, long Length, DateTimeOffset LastModified);
