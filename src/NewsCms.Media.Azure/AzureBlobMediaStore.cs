using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NewsCms.Core.Media;

namespace NewsCms.Media.Azure;

/// <summary>
/// The production media store: one block blob per key in one container. A CDN may read the container directly, so
/// every blob carries its content type.
/// </summary>
public sealed class AzureBlobMediaStore : IMediaStore
{
    /// <summary>
    /// The size of each block staged while uploading, and of each range fetched while reading. Memory per upload is
    /// bounded by this times <see cref="UploadConcurrency"/>, whatever the size of the file.
    /// </summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    private const int UploadConcurrency = 2;

    private readonly BlobContainerClient container;
    private Task? containerCreated;

    public AzureBlobMediaStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
    }

    /// <summary>A store on the account that <paramref name="connectionString"/> names (Azurite's included).</summary>
    public static AzureBlobMediaStore FromConnectionString(string connectionString, string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new AzureBlobMediaStore(new BlobContainerClient(connectionString, containerName));
    }

    /// <summary>
    /// A store on the account at <paramref name="accountUrl"/>, signed in as whatever <see cref="DefaultAzureCredential"/>
    /// finds (a managed identity in Azure, the developer's Azure CLI login elsewhere): no key to keep or rotate.
    /// </summary>
    public static AzureBlobMediaStore FromAccountUrl(Uri accountUrl, string containerName)
    {
        ArgumentNullException.ThrowIfNull(accountUrl);
        return new AzureBlobMediaStore(new BlobServiceClient(accountUrl, new DefaultAzureCredential()).GetBlobContainerClient(containerName));
    }

    /// <summary>
    /// Azure's rule for container names: 3 to 63 lower-case letters, digits and single hyphens, starting and ending
    /// with a letter or digit. Checked before start so that a typo fails there and not at the first upload.
    /// </summary>
    public static bool IsValidContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    public string ContainerName => container.Name;

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var blob = BlobOf(key);
        await EnsureContainerAsync(cancellationToken);

        // Up to one chunk goes up as a single Put Blob; anything longer is staged block by block and becomes the blob
        // only when the block list is committed at the end. Either way the blob appears whole or not at all: a source
        // that fails or a cancelled upload leaves uncommitted blocks, which Azure discards, and never a partial blob.
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = ChunkBytes,
                MaximumTransferSize = ChunkBytes,
                MaximumConcurrency = UploadConcurrency,
            },
        }, cancellationToken);
    }

    public async Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var blob = BlobOf(key);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;

            // Pinned to the ETag just read: a blob replaced while a range request streams fails that read instead of
            // splicing two versions together.
            var stream = await blob.OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false)
                {
                    BufferSize = ChunkBytes,
                    Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                },
                cancellationToken);
            return new StoredMedia(stream, properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        var blob = BlobOf(key);
        try
        {
            return (await blob.ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var blob = BlobOf(key);
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // The container itself is gone: so is the blob.
        }
    }

    public async IAsyncEnumerable<StoredMediaInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureContainerAsync(cancellationToken);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return new StoredMediaInfo(
                item.Name,
                item.Properties.ContentLength ?? 0,
                item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <summary>
    /// Asks the container for its properties, which needs the account reachable and the identity allowed; the container
    /// is created first when missing, as the first write would.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await container.GetPropertiesAsync(cancellationToken: cancellationToken);
    }

    private BlobClient BlobOf(string key)
    {
        if (!MediaKeys.IsWellFormed(key))
        {
            throw new ArgumentException($"Not a media key: '{key}'.", nameof(key));
        }

        return container.GetBlobClient(key);
    }

    /// <summary>
    /// Creates the container on first use, once per process. A failed attempt (the account unreachable, a missing
    /// role assignment) is not remembered, so the next call tries again.
    /// </summary>
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref containerCreated);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // Not the caller's token: one caller giving up must not fail the creation the others are waiting for.
            var attempt = container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            current = Interlocked.CompareExchange(ref containerCreated, attempt, current) == current ? attempt : containerCreated!;
        }

        return current.WaitAsync(cancellationToken);
    }
}
