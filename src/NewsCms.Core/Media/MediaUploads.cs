using System.IO.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Media;

/// <summary>
/// An upload as it reaches the core: the bytes as a stream read once, and what the uploader claims about them. The
/// claims are only checked against the bytes; the bytes decide.
/// </summary>
public sealed record MediaUpload(Stream Content, string? FileName, string? DeclaredContentType, string? AltText, string? Caption, string? Credit);

/// <summary>
/// Adds files to the media library for staff with <see cref="Permission.UploadMedia"/>. An upload is streamed from
/// the request to the store once: its format is decided from its first bytes, its size limit and SHA-256 are applied
/// as it passes, and images lose their identifying metadata on the way. Whatever fails, nothing is left behind: no
/// row and no blob.
/// </summary>
public sealed class MediaUploads(
    IDbContextFactory<NewsCmsDbContext> contexts,
    IMediaStore store,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    public const string EntityType = "MediaAsset";

    /// <returns>The new asset, or the existing one when the same bytes were uploaded before.</returns>
    public async Task<MediaAsset> UploadAsync(StaffActor actor, MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(upload);
        actor.Require(Permission.UploadMedia);
        var errors = new InputErrors();
        var altText = errors.Optional("alt", upload.AltText, MediaAsset.AltTextMaxLength);
        var caption = errors.Optional("caption", upload.Caption, MediaAsset.CaptionMaxLength);
        var credit = errors.Optional("credit", upload.Credit, MediaAsset.CreditMaxLength);
        errors.ThrowIfAny();

        await using var source = new MeteredUploadStream(upload.Content);
        var head = await source.PeekAsync(MediaFormat.HeadLength, cancellationToken);
        var format = MediaFormat.Sniff(head) ?? throw NewsCmsException.Invalid("file", MediaFormat.RefusalOf(head));
        CheckClaims(format, upload.FileName, upload.DeclaredContentType);
        var fileName = MediaFileNames.Clean(upload.FileName, format);
        (source.Limit, source.LimitMessage) = LimitOf(format);

        var storageId = MediaKeys.NewStorageId();
        var key = MediaKeys.OriginalOf(storageId);
        try
        {
            var (size, storedBytes) = await StoreCleanedAsync(key, format, head, source, cancellationToken);
            var sha256 = source.Sha256Hex();
            var asset = new MediaAsset
            {
                StorageId = storageId,
                FileName = fileName,
                ContentType = format.ContentType,
                Kind = format.Kind,
                SizeBytes = storedBytes,
                Sha256 = sha256,
                Width = size?.Width,
                Height = size?.Height,
                AltText = altText,
                Caption = caption,
                Credit = credit,
                UploadedByUserId = actor.UserId,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
                Version = 1,
            };
            var stored = await AddOrFindSameBytesAsync(actor, asset, cancellationToken);
            if (stored.StorageId != storageId)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            return stored;
        }
        catch
        {
            // The blob is ours alone until a row names it: a failed upload must not leave it for the sweep to find.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    private async Task<MediaAsset> AddOrFindSameBytesAsync(StaffActor actor, MediaAsset asset, CancellationToken cancellationToken)
    {
        if (await FindBySha256Async(asset.Sha256, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await VersionedSaves.CreateAsync(
                contexts,
                db =>
                {
                    db.MediaAssets.Add(asset);
                    return Task.FromResult(asset);
                },
                (db, created) => db.Record(actor, created.UploadedAt, "uploadMedia", EntityType, created.Id,
                    $"Uploaded {created.Kind.ToString().ToLowerInvariant()} '{created.FileName}' ({created.ContentType}, {created.SizeBytes} bytes)."),
                recheck: null,
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two uploads of the same bytes at once: the unique index lets one win, and the other returns it.
            if (await FindBySha256Async(asset.Sha256, CancellationToken.None) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private async Task<MediaAsset?> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken);
    }

    /// <summary>
    /// Cleans the upload into the store as it arrives: a pipe joins the cleaning (which writes) to the store (which
    /// reads), so at most a pipe's worth of the file is in memory whatever its size.
    /// </summary>
    private async Task<(ImageSize? Size, long StoredBytes)> StoreCleanedAsync(
        string key, MediaFormat format, byte[] head, MeteredUploadStream source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe();
        var storing = StoreFromPipeAsync(key, format, pipe.Reader, stop);
        await using var counted = new CountingWriteStream(pipe.Writer.AsStream(leaveOpen: true));
        Exception? cleaningFailure = null;
        ImageSize? size = null;
        try
        {
            size = await CleanAsync(format, head, source, counted, stop.Token);
            await counted.FlushAsync(stop.Token);
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            cleaningFailure = e;
            await pipe.Writer.CompleteAsync(e);
        }

        Exception? storingFailure = null;
        try
        {
            await storing;
        }
        catch (Exception e)
        {
            storingFailure = e;
        }

        // The upload's own fault explains the failure best; a store failure explains the cancellation it caused.
        var failure = cleaningFailure is NewsCmsException ? cleaningFailure : storingFailure ?? cleaningFailure;
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return (size, counted.BytesWritten);
    }

    private async Task StoreFromPipeAsync(string key, MediaFormat format, PipeReader reader, CancellationTokenSource stop)
    {
        await Task.Yield();
        try
        {
            await using var content = reader.AsStream();
            await store.WriteAsync(key, content, format.ContentType, stop.Token);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task<ImageSize?> CleanAsync(MediaFormat format, byte[] head, MeteredUploadStream source, Stream destination, CancellationToken cancellationToken)
    {
        if (format == MediaFormat.Jpeg)
        {
            return await ImageMetadata.StripJpegAsync(source, destination, cancellationToken);
        }

        if (format == MediaFormat.Png)
        {
            var size = await ImageMetadata.StripPngAsync(source, destination, cancellationToken);
            await source.DrainAsync(cancellationToken);
            return size;
        }

        if (format == MediaFormat.WebP)
        {
            // RIFF states sizes up front, so dropping a chunk means rewriting the header: the image (bounded by the
            // image limit) is spooled to a temporary file first.
            await using var spool = new FileStream(
                Path.Combine(Path.GetTempPath(), $"newscms-webp-{Guid.NewGuid():N}.tmp"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await source.CopyToAsync(spool, cancellationToken);
            return await ImageMetadata.StripWebPAsync(spool, destination, cancellationToken);
        }

        await source.CopyToAsync(destination, cancellationToken);
        return format == MediaFormat.Gif ? ImageMetadata.GifSizeOf(head) : null;
    }

    private (long Limit, string Message) LimitOf(MediaFormat format)
    {
        var media = options.Value;
        var (limit, what) = format.Kind switch
        {
            MediaKind.Image => (media.MaxImageBytes, "images"),
            MediaKind.Video => (media.MaxVideoBytes, "videos"),
            _ => (media.MaxDocumentBytes, "documents"),
        };
        return (limit, $"The file is larger than the limit for {what}: at most {MediaFileNames.Megabytes(limit)} ({limit} bytes).");
    }

    /// <summary>
    /// A name or type that says something else than the bytes is refused rather than corrected: it is how a script
    /// renamed to .jpg, or a client that mixed up two files, shows itself.
    /// </summary>
    private static void CheckClaims(MediaFormat format, string? fileName, string? declaredContentType)
    {
        var errors = new InputErrors();
        var declared = declaredContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(declared) && declared != "application/octet-stream" && !format.DeclaredTypes.Contains(declared))
        {
            errors.Add("file", $"The file was sent as '{declared}' but its content is {format.Name} ({format.ContentType}).");
        }

        var extension = MediaFileNames.ExtensionOf(fileName);
        if (extension is not null && !format.Extensions.Contains(extension))
        {
            errors.Add("file", $"The file is named '.{extension}' but its content is {format.Name}; rename it to '.{format.PreferredExtension}'.");
        }

        errors.ThrowIfAny();
    }

    /// <summary>Counts what the cleaning wrote: the stored size, which metadata stripping makes smaller than the upload.</summary>
    private sealed class CountingWriteStream(Stream inner) : Stream
    {
        public long BytesWritten { get; private set; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            BytesWritten += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Write asynchronously.");
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
