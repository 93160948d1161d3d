using System.Security.Cryptography;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// A forward-only stream of <see cref="Length"/> bytes made up as they are read, the way an upload's request body
/// arrives: no length to ask for, no seeking back. It can fail or cancel when a given number of bytes has gone by.
/// </summary>
public sealed class GeneratedContent(long length, int seed = 1) : Stream
{
    private long position;

    public long FailAfter { get; init; } = long.MaxValue;

    /// <summary>Cancelled, instead of failing, once <see cref="FailAfter"/> bytes have been read.</summary>
    public CancellationTokenSource? CancelAt { get; init; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public static byte ByteAt(long offset, int seed = 1) => (byte)((offset * 31) + (offset >> 11) + seed);

    /// <summary>The whole content, for comparing with what a store gives back.</summary>
    public static byte[] Bytes(long length, int seed = 1)
    {
        var bytes = new byte[length];
        for (var i = 0L; i < length; i++)
        {
            bytes[i] = ByteAt(i, seed);
        }

        return bytes;
    }

    public static string Sha256Of(long length, int seed = 1) => Convert.ToHexStringLower(SHA256.HashData(Bytes(length, seed)));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= FailAfter)
        {
            if (CancelAt is null)
            {
                throw new IOException($"The client went away after {position} bytes.");
            }

            // The bytes keep coming: it is the store's part to notice the cancellation.
            CancelAt.Cancel();
        }

        var end = CancelAt is null ? Math.Min(length, FailAfter) : length;
        var count = (int)Math.Min(buffer.Length, end - position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(position + i, seed);
        }

        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
