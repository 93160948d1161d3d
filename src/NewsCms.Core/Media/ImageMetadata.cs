using System.Buffers.Binary;
using NewsCms.Core.Common;

namespace NewsCms.Core.Media;

/// <summary>The pixel size found in an image's header.</summary>
public readonly record struct ImageSize(int Width, int Height);

/// <summary>
/// Copies an image while dropping what can expose a source: camera serial numbers, GPS positions, editing software,
/// comments. Only whole metadata blocks are dropped and the compressed picture is copied byte for byte, so nothing is
/// re-encoded: quality, colour profile and pixels stay exactly as uploaded. The pixel size is read on the way.
/// </summary>
public static class ImageMetadata
{
    public const string DamagedMessage = "The image is damaged or truncated; export it again and upload the new file.";

    /// <summary>
    /// JPEG: keeps APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform), which decoders need to
    /// show the right colours; drops every other APPn (Exif, XMP, IPTC, maker notes) and comments. Everything from the
    /// first scan on is copied unchanged.
    /// </summary>
    public static async Task<ImageSize> StripJpegAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var reader = new SequentialReader(source);
        var soi = await reader.ReadExactAsync(2, cancellationToken);
        if (soi[0] != 0xFF || soi[1] != 0xD8)
        {
            throw Damaged();
        }

        await destination.WriteAsync(soi, cancellationToken);
        ImageSize? size = null;
        while (true)
        {
            var marker = await ReadMarkerAsync(reader, cancellationToken);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                await destination.WriteAsync(new byte[] { 0xFF, marker }, cancellationToken);
                continue;
            }

            if (marker == 0xDA)
            {
                if (size is null)
                {
                    throw Damaged();
                }

                await destination.WriteAsync(new byte[] { 0xFF, 0xDA }, cancellationToken);
                await reader.CopyRestAsync(destination, cancellationToken);
                return size.Value;
            }

            if (marker is 0xD8 or 0xD9)
            {
                throw Damaged();
            }

            var lengthBytes = await reader.ReadExactAsync(2, cancellationToken);
            var length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            if (length < 2)
            {
                throw Damaged();
            }

            var payload = await reader.ReadExactAsync(length - 2, cancellationToken);
            if (IsStartOfFrame(marker))
            {
                if (payload.Length < 5)
                {
                    throw Damaged();
                }

                size = new ImageSize(BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(3)), BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(1)));
                if (size.Value.Width == 0 || size.Value.Height == 0)
                {
                    throw Damaged();
                }
            }

            if (KeepsJpegSegment(marker, payload))
            {
                await destination.WriteAsync(new byte[] { 0xFF, marker, lengthBytes[0], lengthBytes[1] }, cancellationToken);
                await destination.WriteAsync(payload, cancellationToken);
            }
        }
    }

    /// <summary>PNG: drops the eXIf, tEXt, zTXt, iTXt and tIME chunks and anything after IEND.</summary>
    public static async Task<ImageSize> StripPngAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var reader = new SequentialReader(source);
        var signature = await reader.ReadExactAsync(8, cancellationToken);
        if (MediaFormat.Sniff(signature) != MediaFormat.Png)
        {
            throw Damaged();
        }

        await destination.WriteAsync(signature, cancellationToken);
        ImageSize? size = null;
        while (true)
        {
            var header = await reader.ReadExactAsync(8, cancellationToken);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (length > int.MaxValue || (size is null && type != "IHDR"))
            {
                throw Damaged();
            }

            if (type == "IHDR")
            {
                var data = await reader.ReadExactAsync((int)Math.Min(length, 13), cancellationToken);
                if (length != 13)
                {
                    throw Damaged();
                }

                size = new ImageSize((int)BinaryPrimitives.ReadUInt32BigEndian(data), (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4)));
                if (size.Value.Width <= 0 || size.Value.Height <= 0)
                {
                    throw Damaged();
                }

                await destination.WriteAsync(header, cancellationToken);
                await destination.WriteAsync(data, cancellationToken);
                await reader.CopyAsync(destination, 4, cancellationToken);
                continue;
            }

            if (DroppedPngChunks.Contains(type))
            {
                await reader.SkipAsync(length + 4L, cancellationToken);
                continue;
            }

            await destination.WriteAsync(header, cancellationToken);
            await reader.CopyAsync(destination, length + 4L, cancellationToken);
            if (type == "IEND")
            {
                return size!.Value;
            }
        }
    }

    /// <summary>
    /// WebP: drops the EXIF and XMP chunks, clears their flags in VP8X and rewrites the RIFF size. The file is read
    /// twice (sizes come first in RIFF), so it must be seekable: the caller spools it.
    /// </summary>
    public static async Task<ImageSize> StripWebPAsync(Stream seekableSource, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seekableSource);
        ArgumentNullException.ThrowIfNull(destination);
        seekableSource.Position = 0;
        var reader = new SequentialReader(seekableSource);
        var riff = await reader.ReadExactAsync(12, cancellationToken);
        if (MediaFormat.Sniff(riff) != MediaFormat.WebP)
        {
            throw Damaged();
        }

        var end = Math.Min(seekableSource.Length, 8L + BinaryPrimitives.ReadUInt32LittleEndian(riff.AsSpan(4)));
        var kept = new List<(string FourCc, long Offset, uint Size, byte[]? Head)>();
        ImageSize? size = null;
        var offset = 12L;
        while (offset + 8 <= end)
        {
            var header = await reader.ReadExactAsync(8, cancellationToken);
            var fourCc = System.Text.Encoding.ASCII.GetString(header, 0, 4);
            var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            var padded = chunkSize + (chunkSize & 1L);
            if (offset + 8 + padded > end && offset + 8 + chunkSize > end)
            {
                throw Damaged();
            }

            byte[]? head = null;
            if (fourCc is "VP8X" or "VP8 " or "VP8L")
            {
                head = await reader.ReadExactAsync((int)Math.Min(chunkSize, 10), cancellationToken);
                await reader.SkipAsync(Math.Min(padded, end - offset - 8) - head.Length, cancellationToken);
                size ??= WebPSizeOf(fourCc, head);
            }
            else
            {
                await reader.SkipAsync(Math.Min(padded, end - offset - 8), cancellationToken);
            }

            if (fourCc is not ("EXIF" or "XMP "))
            {
                kept.Add((fourCc, offset, chunkSize, head));
            }

            offset += 8 + padded;
        }

        if (size is null)
        {
            throw Damaged();
        }

        var riffSize = 4L + kept.Sum(c => 8L + c.Size + (c.Size & 1));
        var outHeader = new byte[12];
        "RIFF"u8.CopyTo(outHeader);
        BinaryPrimitives.WriteUInt32LittleEndian(outHeader.AsSpan(4), checked((uint)riffSize));
        "WEBP"u8.CopyTo(outHeader.AsSpan(8));
        await destination.WriteAsync(outHeader, cancellationToken);
        foreach (var chunk in kept)
        {
            seekableSource.Position = chunk.Offset;
            var chunkReader = new SequentialReader(seekableSource);
            if (chunk.FourCc == "VP8X")
            {
                var whole = await chunkReader.ReadExactAsync(8 + (int)chunk.Size, cancellationToken);
                whole[8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                await destination.WriteAsync(whole, cancellationToken);
                if ((chunk.Size & 1) == 1)
                {
                    await destination.WriteAsync(new byte[1], cancellationToken);
                }

                continue;
            }

            var length = 8L + chunk.Size + (chunk.Size & 1);
            var available = Math.Min(length, end - chunk.Offset);
            await chunkReader.CopyAsync(destination, available, cancellationToken);
            if (available < length)
            {
                await destination.WriteAsync(new byte[length - available], cancellationToken);
            }
        }

        return size.Value;
    }

    /// <summary>GIF keeps its logical screen size right after the signature.</summary>
    public static ImageSize? GifSizeOf(ReadOnlySpan<byte> head) =>
        head.Length >= 10 ? new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..])) : null;

    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    private static readonly HashSet<string> DroppedPngChunks = new(StringComparer.Ordinal) { "eXIf", "tEXt", "zTXt", "iTXt", "tIME" };

    private static ImageSize? WebPSizeOf(string fourCc, byte[] head)
    {
        switch (fourCc)
        {
            case "VP8X" when head.Length >= 10:
                return new ImageSize(1 + (head[4] | (head[5] << 8) | (head[6] << 16)), 1 + (head[7] | (head[8] << 8) | (head[9] << 16)));
            case "VP8 " when head.Length >= 10 && head[3] == 0x9D && head[4] == 0x01 && head[5] == 0x2A:
                return new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(6)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(8)) & 0x3FFF);
            case "VP8L" when head.Length >= 5 && head[0] == 0x2F:
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(1));
                return new ImageSize((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            default:
                throw Damaged();
        }
    }

    private static async Task<byte> ReadMarkerAsync(SequentialReader reader, CancellationToken cancellationToken)
    {
        if (await reader.ReadByteAsync(cancellationToken) != 0xFF)
        {
            throw Damaged();
        }

        byte marker;
        do
        {
            marker = await reader.ReadByteAsync(cancellationToken);
        }
        while (marker == 0xFF); // fill bytes

        return marker;
    }

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static bool KeepsJpegSegment(byte marker, byte[] payload) => marker switch
    {
        0xE0 => payload.AsSpan().StartsWith("JFIF\0"u8) || payload.AsSpan().StartsWith("JFXX\0"u8),
        0xE2 => payload.AsSpan().StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.AsSpan().StartsWith("Adobe"u8),
        >= 0xE1 and <= 0xEF => false,
        0xFE => false, // comments name people and software as often as they say nothing
        _ => true,
    };

    internal static NewsCmsException Damaged() => NewsCmsException.Invalid("file", DamagedMessage);

    /// <summary>Reads forward only; running out of bytes where the format promises more is a damaged file.</summary>
    private sealed class SequentialReader(Stream source)
    {
        private readonly byte[] buffer = new byte[81920];
        private int position;
        private int filled;

        public async Task<byte> ReadByteAsync(CancellationToken cancellationToken)
        {
            if (position == filled && !await FillAsync(cancellationToken))
            {
                throw Damaged();
            }

            return buffer[position++];
        }

        public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var done = 0;
            while (done < count)
            {
                if (position == filled && !await FillAsync(cancellationToken))
                {
                    throw Damaged();
                }

                var take = Math.Min(count - done, filled - position);
                buffer.AsSpan(position, take).CopyTo(result.AsSpan(done));
                position += take;
                done += take;
            }

            return result;
        }

        public Task SkipAsync(long count, CancellationToken cancellationToken) => CopyAsync(Stream.Null, count, cancellationToken);

        public async Task CopyAsync(Stream destination, long count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                if (position == filled && !await FillAsync(cancellationToken))
                {
                    throw Damaged();
                }

                var take = (int)Math.Min(count, filled - position);
                await destination.WriteAsync(buffer.AsMemory(position, take), cancellationToken);
                position += take;
                count -= take;
            }
        }

        public async Task CopyRestAsync(Stream destination, CancellationToken cancellationToken)
        {
            do
            {
                await destination.WriteAsync(buffer.AsMemory(position, filled - position), cancellationToken);
                position = filled;
            }
            while (await FillAsync(cancellationToken));
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            filled = await source.ReadAsync(buffer, cancellationToken);
            position = 0;
            return filled > 0;
        }
    }
}
