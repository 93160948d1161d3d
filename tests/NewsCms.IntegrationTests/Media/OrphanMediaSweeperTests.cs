using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Media;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// The sweep on a real database and a real store: blobs nobody owns go once they are older than the grace period,
/// and nothing an asset owns, nor an upload still on its way, is ever touched. Each subclass names its store fixture
/// (C# refuses two class fixtures of type parameters that could be the same type).
/// </summary>
public abstract class OrphanMediaSweeperTests<TDatabase, TStores>(TDatabase database, TStores stores) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
    where TStores : MediaStores
{
    protected TStores Stores { get; } = stores;

    private static readonly TimeSpan GracePeriod = new MediaOptions().OrphanGracePeriod;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_old_orphan_goes_while_a_young_orphan_and_everything_a_claimed_asset_owns_stay()
    {
        database.RequireAvailable();
        Stores.RequireAvailable();
        var store = Stores.CreateStore();
        var claimed = await ClaimedAssetAsync();
        var claimedKeys = await WriteAssetAsync(store, claimed.StorageId, "640x360-cover-50-50.webp", "1280-contain.jpg");
        var strayKey = $"{MediaKeys.Root}not-an-asset-folder";
        await store.WriteAsync(strayKey, new GeneratedContent(10), "application/octet-stream", Cancel);
        var oldOrphanKeys = await WriteAssetAsync(store, MediaKeys.NewStorageId(), "320-contain.jpg");
        var lastOldWrite = (await ListAsync(store)).Max(blob => blob.LastModified);

        // Stores keep whole seconds at best (Azure): the young orphan must be visibly younger than the old ones.
        while (DateTimeOffset.UtcNow < lastOldWrite.AddSeconds(1.2))
        {
            await Task.Delay(50, Cancel);
        }

        var youngOrphanKeys = await WriteAssetAsync(store, MediaKeys.NewStorageId());
        var firstYoungWrite = (await ListAsync(store)).Where(blob => youngOrphanKeys.Contains(blob.Key)).Min(blob => blob.LastModified);
        Assert.True(firstYoungWrite > lastOldWrite, $"{firstYoungWrite:o} is not after {lastOldWrite:o}");

        // Now is the grace period after a moment between the two writes: the first orphan is past it, the second not.
        var clock = new FakeTimeProvider(lastOldWrite + ((firstYoungWrite - lastOldWrite) / 2) + GracePeriod);
        var removed = await Sweeper(store, clock).SweepAsync(Cancel);

        Assert.Equal(oldOrphanKeys.Order(StringComparer.Ordinal), removed.Select(blob => blob.Key).Order(StringComparer.Ordinal));
        Assert.All(removed, blob => Assert.True(blob.LastModified < clock.GetUtcNow() - GracePeriod));
        var remaining = (await ListAsync(store)).Select(blob => blob.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(claimedKeys.Concat(youngOrphanKeys).Append(strayKey).Order(StringComparer.Ordinal), remaining.Order(StringComparer.Ordinal));
        Assert.All(oldOrphanKeys, key => Assert.DoesNotContain(key, remaining));

        // A day on, the young orphan is old too; the claimed asset and the stray key still stay.
        clock.Advance(TimeSpan.FromDays(1));
        var later = await Sweeper(store, clock).SweepAsync(Cancel);

        Assert.Equal(youngOrphanKeys.Order(StringComparer.Ordinal), later.Select(blob => blob.Key).Order(StringComparer.Ordinal));
        Assert.Equal(claimedKeys.Append(strayKey).Order(StringComparer.Ordinal), (await ListAsync(store)).Select(blob => blob.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await Sweeper(store, clock).SweepAsync(Cancel));
    }

    [Fact]
    public async Task The_grace_period_comes_from_the_options()
    {
        database.RequireAvailable();
        Stores.RequireAvailable();
        var store = Stores.CreateStore();
        var orphanKeys = await WriteAssetAsync(store, MediaKeys.NewStorageId());
        var written = (await ListAsync(store)).Single().LastModified;
        var clock = new FakeTimeProvider(written.AddHours(3));

        Assert.Empty(await Sweeper(store, clock, TimeSpan.FromHours(4)).SweepAsync(Cancel));
        Assert.Equal(orphanKeys, (await Sweeper(store, clock, TimeSpan.FromHours(2)).SweepAsync(Cancel)).Select(blob => blob.Key));
        Assert.False(await store.ExistsAsync(orphanKeys[0], Cancel));
    }

    protected OrphanMediaSweeper Sweeper(IMediaStore store, TimeProvider clock, TimeSpan? gracePeriod = null) =>
        new(database.Contexts, store, Options.Create(new MediaOptions { OrphanGracePeriod = gracePeriod ?? GracePeriod }), clock);

    protected async Task<MediaAsset> ClaimedAssetAsync()
    {
        var asset = new MediaAsset
        {
            StorageId = MediaKeys.NewStorageId(),
            FileName = "harbour.jpg",
            ContentType = "image/jpeg",
            Kind = MediaKind.Image,
            SizeBytes = 100,
            Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Width = 1600,
            Height = 900,
            AltText = "Cranes over the harbour",
            UploadedAt = TestContent.Now,
            Version = 1,
        };
        await database.Contexts.SaveAsync(asset);
        return asset;
    }

    /// <summary>An original and its renditions, the way an upload and later requests leave them.</summary>
    private static async Task<string[]> WriteAssetAsync(IMediaStore store, string storageId, params string[] renditions)
    {
        string[] keys = [MediaKeys.OriginalOf(storageId), .. renditions.Select(name => MediaKeys.RenditionOf(storageId, name))];
        foreach (var key in keys)
        {
            await store.WriteAsync(key, new GeneratedContent(100), "image/jpeg", Cancel);
        }

        return keys;
    }

    protected static async Task<List<StoredMediaInfo>> ListAsync(IMediaStore store)
    {
        var blobs = new List<StoredMediaInfo>();
        await foreach (var blob in store.ListAsync("", Cancel))
        {
            blobs.Add(blob);
        }

        return blobs;
    }
}

public sealed class SqliteOrphanMediaSweeperTests(SqliteTestDatabase database, FolderMediaStores stores)
    : OrphanMediaSweeperTests<SqliteTestDatabase, FolderMediaStores>(database, stores), IClassFixture<FolderMediaStores>
{
    [Fact]
    public async Task The_remains_of_a_crashed_write_go_once_old_even_in_a_claimed_assets_folder()
    {
        var (store, root) = Stores.CreateFolderStore();
        var claimed = await ClaimedAssetAsync();
        var original = MediaKeys.OriginalOf(claimed.StorageId);
        await store.WriteAsync(original, new GeneratedContent(100), "image/jpeg", Cancel);
        var now = DateTimeOffset.UtcNow;
        var crashed = LeavePartialFile(root, claimed.StorageId, "640-contain.jpg", now.AddHours(-2));
        var inProgress = LeavePartialFile(root, claimed.StorageId, "1280-contain.jpg", now);

        var removed = await Sweeper(store, new FakeTimeProvider(now)).SweepAsync(Cancel);

        Assert.Equal([crashed], removed.Select(blob => blob.Key));
        Assert.Equal(new[] { inProgress, original }.Order(StringComparer.Ordinal), (await ListAsync(store)).Select(blob => blob.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>A temporary file as the folder store names them while writing (the key, a random part, ".partial").</summary>
    private static string LeavePartialFile(string root, string storageId, string renditionName, DateTimeOffset lastWritten)
    {
        var key = $"{MediaKeys.RenditionOf(storageId, renditionName)}.{Guid.NewGuid():N}.partial";
        var path = Path.Combine([root, .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[64]);
        File.SetLastWriteTimeUtc(path, lastWritten.UtcDateTime);
        return key;
    }
}

public sealed class PostgreSqlOrphanMediaSweeperTests(PostgreSqlTestDatabase database, FolderMediaStores stores)
    : OrphanMediaSweeperTests<PostgreSqlTestDatabase, FolderMediaStores>(database, stores), IClassFixture<FolderMediaStores>;

/// <summary>The same sweep once against Azure's listing and deletes, on the embedded database.</summary>
public sealed class AzuriteOrphanMediaSweeperTests(SqliteTestDatabase database, LocalAzuriteMediaStores stores)
    : OrphanMediaSweeperTests<SqliteTestDatabase, LocalAzuriteMediaStores>(database, stores), IClassFixture<LocalAzuriteMediaStores>;
