using System.Security.Cryptography;
using NewsCms.Core.Common;

namespace NewsCms.Core.Media;

/// <summary>
/// Reads an upload once: counts it, hashes it and stops at the size limit as the bytes go by, so neither the hash nor
/// the limit needs the file in memory or a second pass. The first bytes can be looked at before the limit is known
/// (the format decides it) and are then read again by whoever consumes the stream.
/// </summary>
internal sealed class MeteredUploadStream(Stream upload) : Stream
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] peeked = [];
    private int peekedOffset;

    public long BytesRead { get; private set; }

    /// <summary>Passing it throws a VALIDATION error at once; the rest of the upload is never read.</summary>
    public long Limit { get; set; } = long.MaxValue;

    public string LimitMessage { get; set; } = "The file is too large.";

    /// <summary>Up to <paramref name="count"/> first bytes, fewer only when the upload is shorter.</summary>
    public async Task<byte[]> PeekAsync(int count, CancellationToken cancellationToken)
    {
        if (BytesRead > 0)
        {
            throw new InvalidOperationException("Peek before reading.");
        }

        var head = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = await upload.ReadAsync(head.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        peeked = head[..filled];
        return peeked;
    }

    /// <summary>Lower-case hex SHA-256 of everything read; call once, after the end.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(sha256.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (peekedOffset < peeked.Length)
        {
            read = Math.Min(buffer.Length, peeked.Length - peekedOffset);
            peeked.AsMemory(peekedOffset, read).CopyTo(buffer);
            peekedOffset += read;
        }
        else
        {
            // One byte beyond the limit is enough to know; never ask the client for more.
            var remaining = Limit - BytesRead;
            var room = remaining >= buffer.Length ? buffer.Length : (int)remaining + 1;
            read = await upload.ReadAsync(buffer[..room], cancellationToken);
        }

        BytesRead += read;
        if (BytesRead > Limit)
        {
            throw NewsCmsException.Invalid("file", LimitMessage);
        }

        sha256.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Uploads are read asynchronously.");

    /// <summary>Reads and hashes what is left, for formats whose cleaning stops before the end of the upload.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
