using System.ComponentModel.DataAnnotations;

namespace NewsCms.Server.Media;

public enum MediaStoreKind
{
    /// <summary>A folder on this machine: the embedded default, for one server.</summary>
    FileSystem,

    /// <summary>A container in Azure Blob Storage: production, for any number of servers.</summary>
    AzureBlob,
}

/// <summary>
/// The hosting half of <c>NewsCms:Media</c>: where the bytes go and how often orphans are swept. The rules of the
/// library itself (sizes, renditions, grace period) are the core's <see cref="Core.Media.MediaOptions"/>.
/// </summary>
public sealed class MediaStorageOptions
{
    public MediaStoreKind Store { get; set; } = MediaStoreKind.FileSystem;

    public FileSystemStoreSettings FileSystem { get; set; } = new();

    public AzureBlobStoreSettings AzureBlob { get; set; } = new();

    /// <summary>How often blobs that no asset owns are removed; 0 switches the sweep off in this process.</summary>
    [Range(0, 7 * 24 * 60)]
    public int SweepIntervalMinutes { get; set; } = 60;
}

public sealed class FileSystemStoreSettings
{
    /// <summary>Relative to the content root. Empty: <c>{NewsCms:DataPath}/media</c>, beside the SQLite database.</summary>
    public string? RootPath { get; set; }
}

/// <summary>Exactly one of <see cref="ConnectionString"/> and <see cref="AccountUrl"/>.</summary>
public sealed class AzureBlobStoreSettings
{
    /// <summary>An account key or SAS connection string (Azurite's too); keep it in a secret store, not in a file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>https://{account}.blob.core.windows.net</c>: the server signs in with DefaultAzureCredential (a managed
    /// identity in Azure), which needs the Storage Blob Data Contributor role on the account or container.
    /// </summary>
    public string? AccountUrl { get; set; }

    /// <summary>Created on first use when missing.</summary>
    public string Container { get; set; } = "media";
}
