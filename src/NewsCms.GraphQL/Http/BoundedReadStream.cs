namespace NewsCms.GraphQL.Http;

/// <summary>
/// Stops a request body at a byte count whatever its Content-Length claimed (chunked bodies claim none). Kestrel
/// enforces the same limit once raised; this also holds where no server does, such as the in-process test host.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken);
        read += count;
        return read > limit ? throw new TooLongException() : count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        read += n;
        return read > limit ? throw new TooLongException() : n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    internal sealed class TooLongException : Exception;
}
