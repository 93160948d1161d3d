using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// Uploads against a real database and a real folder store: one new folder per test, so "nothing left behind" is
/// checked by listing everything the store holds.
/// </summary>
public abstract class MediaUploadTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private readonly string storeRoot = Directory.CreateTempSubdirectory("newscms-media-test-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FileSystemMediaStore Store => new(storeRoot);

    private MediaUploads Uploads(MediaOptions? options = null, IDbContextFactory<NewsCmsDbContext>? contexts = null) =>
        new(contexts ?? database.Contexts, Store, Options.Create(options ?? new MediaOptions()), new FakeTimeProvider(TestContent.Now));

    private static MediaUpload Upload(byte[] bytes, string? name, string? type = null, string? alt = null) =>
        new(new MemoryStream(bytes), name, type, alt, null, null);

    [Fact]
    public async Task A_jpeg_is_stored_without_its_exif_with_its_size_hash_and_an_audit_row()
    {
        database.RequireAvailable();
        var jpeg = TestMediaFiles.Jpeg(640, 480, salt: Guid.NewGuid().ToString(), withExif: true);

        var asset = await Uploads().UploadAsync(TestActors.Writer, Upload(jpeg, "IMG_0001.JPG", "image/jpeg", alt: " Trading floor "), Cancel);

        Assert.Equal((MediaKind.Image, "image/jpeg", 640, 480, "IMG_0001.jpg", "Trading floor", 1), (asset.Kind, asset.ContentType, asset.Width, asset.Height, asset.FileName, asset.AltText, asset.Version));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg)), asset.Sha256);
        var stored = await ReadStoredAsync(asset);
        Assert.Equal(asset.SizeBytes, stored.Length);
        Assert.True(stored.Length < jpeg.Length);
        Assert.Equal(-1, stored.AsSpan().IndexOf(TestMediaFiles.GpsMarker));
        Assert.Equal([MediaKeys.OriginalOf(asset.StorageId)], await KeysAsync());
        Assert.Equal(["uploadMedia"], (await database.AuditOf(MediaUploads.EntityType, asset.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_return_the_first_asset_and_leave_one_row_and_one_blob()
    {
        database.RequireAvailable();
        var png = TestMediaFiles.Png(20, 10, salt: Guid.NewGuid().ToString());

        var first = await Uploads().UploadAsync(TestActors.Writer, Upload(png, "chart.png"), Cancel);
        var again = await Uploads().UploadAsync(TestActors.Editor, Upload(png, "other-name.png", alt: "ignored"), Cancel);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Uploads().UploadAsync(TestActors.Editor, Upload(TestMediaFiles.Png(20, 10, salt: first.Sha256), "race.png"), Cancel)));

        Assert.Equal((first.Id, first.StorageId, "chart.png"), (again.Id, again.StorageId, again.FileName));
        Assert.Single(racing.Select(a => a.Id).Distinct());
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(1, await db.MediaAssets.CountAsync(a => a.Sha256 == first.Sha256, Cancel));
        Assert.Equal(1, await db.MediaAssets.CountAsync(a => a.Id == racing[0].Id, Cancel));
        Assert.Equal(
            new[] { MediaKeys.OriginalOf(first.StorageId), MediaKeys.OriginalOf(racing[0].StorageId) }.Order(StringComparer.Ordinal),
            await KeysAsync());
    }

    [Fact]
    public async Task Each_kind_is_limited_by_its_own_setting_and_reading_stops_at_the_limit()
    {
        database.RequireAvailable();
        var options = new MediaOptions { MaxImageBytes = 4_000, MaxVideoBytes = 1_000_000, MaxDocumentBytes = 2_000 };
        var video = new CountingStream(TestMediaFiles.Mp4(50_000_000, Guid.NewGuid().ToString()));

        var image = await FailsWith(ErrorCode.Validation, () => Uploads(options).UploadAsync(
            TestActors.Writer, Upload(TestMediaFiles.Png(10, 10, salt: new string('x', 5_000)), "big.png"), Cancel));
        var tooLong = await FailsWith(ErrorCode.Validation, () => Uploads(options).UploadAsync(
            TestActors.Writer, new MediaUpload(video, "clip.mp4", "video/mp4", null, null, null), Cancel));
        var fits = await Uploads(options).UploadAsync(TestActors.Writer, Upload(TestMediaFiles.Mp4Bytes(900_000, Guid.NewGuid().ToString()), "short.mp4"), Cancel);

        Assert.Contains("limit for images", image.FieldErrors["file"], StringComparison.Ordinal);
        Assert.Contains("limit for videos", tooLong.FieldErrors["file"], StringComparison.Ordinal);
        Assert.InRange(video.BytesRead, 1_000_001, 1_000_000 + 200_000);
        Assert.Equal((MediaKind.Video, 900_000L, (int?)null), (fits.Kind, fits.SizeBytes, fits.Width));
        Assert.Equal([MediaKeys.OriginalOf(fits.StorageId)], await KeysAsync());
    }

    [Theory]
    [InlineData("photo.jpg", "image/png", "sent as 'image/png'")]
    [InlineData("photo.png", "image/jpeg", "named '.png'")]
    [InlineData("photo.svg", null, "named '.svg'")]
    public async Task A_name_or_type_that_disagrees_with_the_bytes_is_refused(string name, string? type, string message)
    {
        database.RequireAvailable();
        var salt = Guid.NewGuid().ToString();

        var error = await FailsWith(ErrorCode.Validation, () => Uploads().UploadAsync(TestActors.Writer, Upload(TestMediaFiles.Jpeg(8, 8, salt), name, type), Cancel));

        Assert.Contains(message, error.FieldErrors["file"], StringComparison.Ordinal);
        Assert.Empty(await KeysAsync());
    }

    [Fact]
    public async Task Svg_html_and_unknown_bytes_are_refused_whatever_they_claim()
    {
        database.RequireAvailable();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();

        var markup = await FailsWith(ErrorCode.Validation, () => Uploads().UploadAsync(TestActors.Writer, Upload(svg, "logo.png", "image/png"), Cancel));
        var unknown = await FailsWith(ErrorCode.Validation, () => Uploads().UploadAsync(TestActors.Writer, Upload([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8], "setup.jpg"), Cancel));

        Assert.Contains("can carry scripts", markup.FieldErrors["file"], StringComparison.Ordinal);
        Assert.Contains("not a JPEG", unknown.FieldErrors["file"], StringComparison.Ordinal);
        Assert.Empty(await KeysAsync());
    }

    [Fact]
    public async Task An_upload_that_breaks_off_half_way_leaves_no_row_and_no_blob()
    {
        database.RequireAvailable();
        var name = $"broken-{Guid.NewGuid():N}.mp4";
        var aborted = new BreakingStream(TestMediaFiles.Mp4(2_000_000), breakAfter: 1_000_000);

        await Assert.ThrowsAsync<IOException>(() => Uploads().UploadAsync(TestActors.Writer, new MediaUpload(aborted, name, null, null, null, null), Cancel));

        Assert.Empty(await KeysAsync());
        Assert.Empty(Directory.EnumerateFiles(storeRoot, "*", SearchOption.AllDirectories));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.MediaAssets.AnyAsync(a => a.FileName == name, Cancel));
    }

    [Fact]
    public async Task A_database_failure_after_the_bytes_are_stored_removes_the_blob_again()
    {
        database.RequireAvailable();
        var name = $"db-failure-{Guid.NewGuid():N}.pdf";
        var failing = new PooledDbContextFactory<NewsCmsDbContext>(
            new DbContextOptionsBuilder<NewsCmsDbContext>(database.Options()).AddInterceptors(new FailingSaves()).Options);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Uploads(contexts: failing).UploadAsync(TestActors.Writer, Upload(TestMediaFiles.Pdf(name), name), Cancel));

        Assert.Empty(await KeysAsync());
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.MediaAssets.AnyAsync(a => a.FileName == name, Cancel));
    }

    [Fact]
    public async Task Partners_may_upload_and_nothing_is_read_from_a_caller_without_the_permission_or_with_bad_captions()
    {
        database.RequireAvailable();
        var content = new CountingStream(new MemoryStream(TestMediaFiles.Gif(3, 2, Guid.NewGuid().ToString())));

        var gif = await Uploads().UploadAsync(TestActors.Partnerships, Upload(TestMediaFiles.Gif(3, 2, Guid.NewGuid().ToString()), "logo.gif"), Cancel);
        var tooLong = await FailsWith(ErrorCode.Validation, () => Uploads().UploadAsync(
            TestActors.Writer, new MediaUpload(content, "logo.gif", null, new string('a', MediaAsset.AltTextMaxLength + 1), null, null), Cancel));

        Assert.Equal((3, 2), (gif.Width, gif.Height));
        Assert.Equal(["alt"], tooLong.FieldErrors.Keys);
        Assert.Equal(0, content.BytesRead);
    }

    private async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        await foreach (var blob in Store.ListAsync("", Cancel))
        {
            keys.Add(blob.Key);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private async Task<byte[]> ReadStoredAsync(MediaAsset asset)
    {
        await using var stored = await Store.OpenReadAsync(MediaKeys.OriginalOf(asset.StorageId), Cancel);
        await using var copy = new MemoryStream();
        await stored!.Content.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    public void Dispose()
    {
        Directory.Delete(storeRoot, recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed class FailingSaves : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The database went away.");
    }

    private class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A client that hangs up: the connection fails after <paramref name="breakAfter"/> bytes.</summary>
    private sealed class BreakingStream(Stream inner, long breakAfter) : CountingStream(inner)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            BytesRead >= breakAfter ? throw new IOException("The client closed the connection.") : base.Read(buffer, offset, count);
    }
}

public sealed class SqliteMediaUploadTests(SqliteTestDatabase database) : MediaUploadTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlMediaUploadTests(PostgreSqlTestDatabase database) : MediaUploadTests<PostgreSqlTestDatabase>(database);
