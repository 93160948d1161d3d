using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using NewsCms.Core.Media;
using NewsCms.Media.Azure;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// What every media store promises (<see cref="IMediaStore"/>), held against each store the same way: the folder of
/// the embedded default, and Azure Blob Storage through Azurite.
/// </summary>
public abstract class MediaStoreContractTests<TStores>(TStores stores) : IClassFixture<TStores>
    where TStores : MediaStores
{
    /// <summary>Several Azure blocks long, and a multiple of no buffer size.</summary>
    protected const long SeveralMegabytes = (10L * 1024 * 1024) + 123;

    protected TStores Stores { get; } = stores;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected IMediaStore NewStore()
    {
        Stores.RequireAvailable();
        return Stores.CreateStore();
    }

    protected static string NewKey() => MediaKeys.OriginalOf(MediaKeys.NewStorageId());

    [Fact]
    public async Task A_multi_megabyte_stream_comes_back_byte_for_byte()
    {
        var store = NewStore();
        var key = NewKey();

        await store.WriteAsync(key, new GeneratedContent(SeveralMegabytes), "video/mp4", Cancel);

        await using var media = await store.OpenReadAsync(key, Cancel);
        Assert.NotNull(media);
        Assert.Equal(SeveralMegabytes, media.Length);
        Assert.Equal(GeneratedContent.Sha256Of(SeveralMegabytes), Convert.ToHexStringLower(await SHA256.HashDataAsync(media.Content, Cancel)));
    }

    [Fact]
    public async Task Writing_a_key_again_replaces_its_blob_whole()
    {
        var store = NewStore();
        var key = NewKey();
        await store.WriteAsync(key, new GeneratedContent(3L * 1024 * 1024, seed: 1), "image/png", Cancel);

        await store.WriteAsync(key, new GeneratedContent(1000, seed: 2), "image/png", Cancel);

        Assert.Equal(GeneratedContent.Bytes(1000, seed: 2), await ReadAllAsync(store, key));
        var listed = Assert.Single(await ListAsync(store, MediaKeys.Root));
        Assert.Equal((key, 1000L), (listed.Key, listed.Length));
    }

    [Fact]
    public async Task A_read_seeks_anywhere_in_the_blob()
    {
        var store = NewStore();
        var key = NewKey();
        const long length = 6L * 1024 * 1024;
        await store.WriteAsync(key, new GeneratedContent(length), "application/pdf", Cancel);
        var expected = GeneratedContent.Bytes(length);

        await using var media = await store.OpenReadAsync(key, Cancel);

        Assert.NotNull(media);
        Assert.True(media.Content.CanSeek);
        Assert.Equal(length, media.Content.Length);
        var offset = (5L * 1024 * 1024) + 17;
        Assert.Equal(offset, media.Content.Seek(offset, SeekOrigin.Begin));
        Assert.Equal(expected.AsSpan((int)offset, 4096).ToArray(), await ReadExactlyAsync(media.Content, 4096));
        Assert.Equal(length - 100, media.Content.Seek(-100, SeekOrigin.End));
        Assert.Equal(expected[^100..], await ReadExactlyAsync(media.Content, 100));
        media.Content.Position = 10;
        Assert.Equal(expected[10..30], await ReadExactlyAsync(media.Content, 20));
    }

    [Fact]
    public async Task Length_and_last_modified_describe_the_blob_the_same_way_when_read_and_when_listed()
    {
        var store = NewStore();
        var key = NewKey();
        var before = DateTimeOffset.UtcNow;

        await store.WriteAsync(key, new GeneratedContent(70_000), "image/webp", Cancel);

        var after = DateTimeOffset.UtcNow;
        await using var media = await store.OpenReadAsync(key, Cancel);
        Assert.NotNull(media);
        Assert.Equal(70_000, media.Length);
        // Azure keeps whole seconds, so the write may look up to a second older than it was.
        Assert.InRange(media.LastModified, before.AddSeconds(-2), after.AddSeconds(2));
        var listed = Assert.Single(await ListAsync(store, MediaKeys.Root));
        Assert.Equal(new StoredMediaInfo(key, 70_000, media.LastModified), listed);
    }

    [Fact]
    public async Task Exists_tells_a_stored_key_from_a_missing_one()
    {
        var store = NewStore();
        var key = NewKey();
        await store.WriteAsync(key, new GeneratedContent(10), "image/gif", Cancel);

        Assert.True(await store.ExistsAsync(key, Cancel));
        Assert.False(await store.ExistsAsync(NewKey(), Cancel));
        Assert.Null(await store.OpenReadAsync(NewKey(), Cancel));
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_nothing_beside_it_and_a_missing_key_is_no_error()
    {
        var store = NewStore();
        var storageId = MediaKeys.NewStorageId();
        var original = MediaKeys.OriginalOf(storageId);
        var rendition = MediaKeys.RenditionOf(storageId, "640-contain.jpg");
        await store.WriteAsync(original, new GeneratedContent(100, seed: 1), "image/jpeg", Cancel);
        await store.WriteAsync(rendition, new GeneratedContent(50, seed: 2), "image/jpeg", Cancel);

        await store.DeleteAsync(original, Cancel);

        Assert.False(await store.ExistsAsync(original, Cancel));
        Assert.Null(await store.OpenReadAsync(original, Cancel));
        Assert.Equal(GeneratedContent.Bytes(50, seed: 2), await ReadAllAsync(store, rendition));

        await store.DeleteAsync(original, Cancel);
        await store.DeleteAsync(MediaKeys.RenditionOf(MediaKeys.NewStorageId(), "never-written.webp"), Cancel);
        await store.DeleteAsync(rendition, Cancel);
        Assert.Empty(await ListAsync(store, MediaKeys.Root));
    }

    [Fact]
    public async Task A_listing_holds_every_blob_under_its_prefix_and_nothing_outside_it()
    {
        var store = NewStore();
        var asset = MediaKeys.NewStorageId();
        var inside = new Dictionary<string, long>
        {
            [MediaKeys.OriginalOf(asset)] = 300,
            [MediaKeys.RenditionOf(asset, "640x360-cover-50-33.webp")] = 120,
            [MediaKeys.RenditionOf(asset, "1280-contain.jpg")] = 200,
        };
        var outside = new Dictionary<string, long>
        {
            // Starts with the asset's id but is another folder: a prefix is a string, not a path.
            [MediaKeys.OriginalOf(asset + "0")] = 10,
            [MediaKeys.OriginalOf(MediaKeys.NewStorageId())] = 20,
            [$"imports/{asset}/original"] = 30,
        };
        foreach (var (key, length) in inside.Concat(outside))
        {
            await store.WriteAsync(key, new GeneratedContent(length), "image/jpeg", Cancel);
        }

        var listed = await ListAsync(store, MediaKeys.FolderOf(asset));

        Assert.Equal(inside.OrderBy(blob => blob.Key, StringComparer.Ordinal), listed.Select(blob => KeyValuePair.Create(blob.Key, blob.Length)).OrderBy(blob => blob.Key, StringComparer.Ordinal));
        Assert.Equal(5, (await ListAsync(store, MediaKeys.Root)).Count);
        Assert.Empty(await ListAsync(store, MediaKeys.FolderOf(MediaKeys.NewStorageId())));
    }

    [Fact]
    public async Task A_write_whose_source_fails_halfway_leaves_no_blob()
    {
        var store = NewStore();
        var key = NewKey();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.WriteAsync(key, new GeneratedContent(SeveralMegabytes) { FailAfter = 6L * 1024 * 1024 }, "video/mp4", Cancel));

        await AssertNoBlobAsync(store, key);
    }

    [Fact]
    public async Task A_failed_overwrite_leaves_the_previous_blob_whole()
    {
        var store = NewStore();
        var key = NewKey();
        await store.WriteAsync(key, new GeneratedContent(5000, seed: 1), "image/png", Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.WriteAsync(key, new GeneratedContent(SeveralMegabytes, seed: 2) { FailAfter = 6L * 1024 * 1024 }, "image/png", Cancel));

        Assert.Equal(GeneratedContent.Bytes(5000, seed: 1), await ReadAllAsync(store, key));
        Assert.Equal([key], (await ListAsync(store, MediaKeys.Root)).Select(blob => blob.Key));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_blob()
    {
        var store = NewStore();
        var key = NewKey();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var content = new GeneratedContent(SeveralMegabytes) { FailAfter = 5L * 1024 * 1024, CancelAt = cancellation };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync(key, content, "video/mp4", cancellation.Token));

        await AssertNoBlobAsync(store, key);
    }

    [Fact]
    public async Task Keys_of_several_segments_each_keep_their_own_bytes()
    {
        var store = NewStore();
        var storageId = MediaKeys.NewStorageId();
        string[] keys = [
            MediaKeys.OriginalOf(storageId),
            MediaKeys.RenditionOf(storageId, "640x360-cover-50-33.webp"),
            MediaKeys.RenditionOf(storageId, "1280-contain.jpg"),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            await store.WriteAsync(keys[i], new GeneratedContent(1000 + i, seed: i), "image/webp", Cancel);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(GeneratedContent.Bytes(1000 + i, seed: i), await ReadAllAsync(store, keys[i]));
        }

        Assert.All(await ListAsync(store, MediaKeys.Root), blob => Assert.Equal(storageId, MediaKeys.StorageIdOf(blob.Key)));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/assets/abc/original")]
    [InlineData("assets//original")]
    [InlineData("assets/./original")]
    [InlineData("assets/abc/../../outside")]
    [InlineData(@"assets\abc\original")]
    public async Task A_key_the_layout_cannot_make_is_refused(string key)
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(key, new GeneratedContent(10), "image/png", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Cancel));
        Assert.Empty(await ListAsync(store, ""));
    }

    [Fact]
    public async Task The_readiness_probe_passes_on_a_usable_store_and_leaves_nothing_behind()
    {
        var store = NewStore();

        await store.ProbeAsync(Cancel);
        await store.ProbeAsync(Cancel);

        Assert.Empty(await ListAsync(store, ""));
    }

    protected static async Task AssertNoBlobAsync(IMediaStore store, string key)
    {
        Assert.False(await store.ExistsAsync(key, Cancel));
        Assert.Null(await store.OpenReadAsync(key, Cancel));
        Assert.Empty(await ListAsync(store, ""));
    }

    protected static async Task<List<StoredMediaInfo>> ListAsync(IMediaStore store, string prefix)
    {
        var blobs = new List<StoredMediaInfo>();
        await foreach (var blob in store.ListAsync(prefix, Cancel))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    protected static async Task<byte[]> ReadAllAsync(IMediaStore store, string key)
    {
        await using var media = await store.OpenReadAsync(key, Cancel);
        Assert.NotNull(media);
        using var copy = new MemoryStream();
        await media.Content.CopyToAsync(copy, Cancel);
        Assert.Equal(media.Length, copy.Length);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Cancel);
        return buffer;
    }
}

/// <summary>What only Azure shows: the content type a CDN serves, block-wise uploads, the container made on first use.</summary>
public abstract class AzureBlobMediaStoreContractTests<TStores>(TStores stores) : MediaStoreContractTests<TStores>(stores)
    where TStores : AzuriteMediaStores
{
    [Fact]
    public async Task The_store_creates_its_container_and_records_the_content_type_of_each_blob()
    {
        var store = NewStore();
        var container = ContainerOf(store);
        Assert.False(await container.ExistsAsync(Cancel));
        var key = NewKey();

        await store.WriteAsync(key, new GeneratedContent(2048), "image/webp", Cancel);

        Assert.True(await container.ExistsAsync(Cancel));
        var properties = (await container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal("image/webp", properties.ContentType);
        Assert.Equal(BlobType.Block, properties.BlobType);
    }

    [Fact]
    public async Task A_long_upload_goes_up_in_blocks_committed_together()
    {
        var store = NewStore();
        var key = NewKey();

        await store.WriteAsync(key, new GeneratedContent(SeveralMegabytes), "video/mp4", Cancel);

        var blocks = (await ContainerOf(store).GetBlockBlobClient(key).GetBlockListAsync(BlockListTypes.All, cancellationToken: Cancel)).Value;
        Assert.Equal((int)Math.Ceiling(SeveralMegabytes / (double)AzureBlobMediaStore.ChunkBytes), blocks.CommittedBlocks.Count());
        Assert.All(blocks.CommittedBlocks, block => Assert.InRange(block.SizeLong, 1, AzureBlobMediaStore.ChunkBytes));
        Assert.Empty(blocks.UncommittedBlocks);
    }

    private BlobContainerClient ContainerOf(IMediaStore store) => Stores.ContainerOf(store);
}

public sealed class FolderMediaStoreContractTests(FolderMediaStores stores) : MediaStoreContractTests<FolderMediaStores>(stores)
{
    [Fact]
    public async Task The_readiness_probe_fails_when_the_folder_can_no_longer_be_written()
    {
        var (store, root) = Stores.CreateFolderStore();
        await store.ProbeAsync(Cancel);

        // A file where the folder was: nothing can be written there, whoever the tests run as (root ignores modes).
        Directory.Delete(root, recursive: true);
        await File.WriteAllTextAsync(root, "not a folder", Cancel);

        await Assert.ThrowsAnyAsync<IOException>(() => store.ProbeAsync(Cancel));
    }
}

public sealed class LocalAzuriteMediaStoreContractTests(LocalAzuriteMediaStores stores) : AzureBlobMediaStoreContractTests<LocalAzuriteMediaStores>(stores);

public sealed class ContainerAzuriteMediaStoreContractTests(ContainerAzuriteMediaStores stores) : AzureBlobMediaStoreContractTests<ContainerAzuriteMediaStores>(stores);
