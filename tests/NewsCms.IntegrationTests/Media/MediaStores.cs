using Azure.Storage.Blobs;
using NewsCms.Core.Media;
using NewsCms.Media.Azure;
using NewsCms.Testing.Storage;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// Makes empty media stores of one kind for one test class: each test gets its own, so nothing one test writes shows
/// in another's listing.
/// </summary>
public abstract class MediaStores : IAsyncLifetime
{
    public abstract string Name { get; }

    public abstract void RequireAvailable();

    public abstract IMediaStore CreateStore();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The folder store of the embedded default, each store in a fresh temp folder.</summary>
public sealed class FolderMediaStores : MediaStores
{
    private readonly string root = Directory.CreateTempSubdirectory("newscms-media-").FullName;

    public override string Name => "folder";

    public override void RequireAvailable()
    {
    }

    public override IMediaStore CreateStore() => CreateFolderStore().Store;

    /// <summary>A store and its folder, for tests that leave files there the way a crash would.</summary>
    public (FileSystemMediaStore Store, string RootPath) CreateFolderStore()
    {
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        return (new FileSystemMediaStore(folder), folder);
    }

    public override ValueTask DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return base.DisposeAsync();
    }
}

/// <summary>The Azure store on an Azurite of its own, each store in a fresh container that the store itself creates.</summary>
public abstract class AzuriteMediaStores(Azurite azurite) : MediaStores
{
    public override string Name => azurite.Name;

    public override void RequireAvailable() => azurite.RequireAvailable();

    public override IMediaStore CreateStore() => AzureBlobMediaStore.FromConnectionString(azurite.ConnectionString, $"media-{Guid.NewGuid():N}");

    /// <summary>The container a store of this fixture writes to, to check what the store interface does not show.</summary>
    public BlobContainerClient ContainerOf(IMediaStore store) =>
        new(azurite.ConnectionString, ((AzureBlobMediaStore)store).ContainerName);

    public override async ValueTask InitializeAsync() => await azurite.InitializeAsync();

    public override async ValueTask DisposeAsync()
    {
        await azurite.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class LocalAzuriteMediaStores() : AzuriteMediaStores(new LocalAzurite());

public sealed class ContainerAzuriteMediaStores() : AzuriteMediaStores(new ContainerAzurite());
