using System.Buffers.Binary;
using System.Text;

namespace NewsCms.Testing;

/// <summary>
/// Media files built from bytes in the test, so no binary fixture hides what a test feeds the upload: the smallest
/// well-formed JPEG, PNG, GIF, WebP, PDF and MP4, and the metadata blocks (Exif with a GPS position, PNG text) that
/// uploads must lose. <paramref name="salt"/> parameters make files unique where tests must not share a hash.
/// </summary>
public static class TestMediaFiles
{
    /// <summary>Latitude 51° 30′ N as Exif writes it; its bytes must not survive stripping.</summary>
    public static readonly byte[] GpsMarker = "GPS-SECRET-51N"u8.ToArray();

    /// <summary>
    /// A JPEG's structure (SOI, APP0 JFIF, DQT, SOF0 with the size, DHT, SOS, scan bytes, EOI) with arbitrary scan
    /// data: enough for everything but decoding, which the unit tests do on real encoded pictures.
    /// </summary>
    public static byte[] Jpeg(int width, int height, string salt = "", bool withExif = false)
    {
        using var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        Segment(file, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (withExif)
        {
            Segment(file, 0xE1, ExifWithGps());
        }

        Segment(file, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        var size = new byte[15];
        size[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(size.AsSpan(1), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(size.AsSpan(3), (ushort)width);
        size[5] = 3;
        Segment(file, 0xC0, size);
        Segment(file, 0xC4, [0, .. new byte[16]]);
        Segment(file, 0xDA, [1, 1, 0, 0, 63, 0]);
        file.Write(Encoding.ASCII.GetBytes("scan-data-" + salt));
        file.Write([0xFF, 0xD9]);
        return file.ToArray();
    }

    /// <summary>A JPEG APP segment (marker, length, payload) inserted right after SOI.</summary>
    public static byte[] WithJpegSegment(byte[] jpeg, byte marker, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        using var file = new MemoryStream();
        file.Write(jpeg.AsSpan(0, 2));
        Segment(file, marker, payload);
        file.Write(jpeg.AsSpan(2));
        return file.ToArray();
    }

    /// <summary>An APP1 Exif payload: a TIFF header, IFD0 pointing to a GPS IFD that holds N and a marker text.</summary>
    public static byte[] ExifWithGps()
    {
        using var tiff = new MemoryStream();
        tiff.Write("II*\0"u8);
        tiff.Write(Le32(8));
        // IFD0 at 8: one entry, GPSInfo (0x8825) LONG -> 26.
        tiff.Write(Le16(1));
        tiff.Write([.. Le16(0x8825), .. Le16(4), .. Le32(1), .. Le32(26)]);
        tiff.Write(Le32(0));
        // GPS IFD at 26: GPSLatitudeRef "N", GPSAreaInformation (0x001C, UNDEFINED) -> 56.
        tiff.Write(Le16(2));
        tiff.Write([.. Le16(1), .. Le16(2), .. Le32(2), (byte)'N', 0, 0, 0]);
        tiff.Write([.. Le16(0x1C), .. Le16(7), .. Le32((uint)GpsMarker.Length), .. Le32(56)]);
        tiff.Write(Le32(0));
        tiff.Write(GpsMarker);
        return [.. "Exif\0\0"u8, .. tiff.ToArray()];
    }

    public static byte[] XmpPacket() =>
        [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta><tiff:Model>Camera SN 12345</tiff:Model></x:xmpmeta>"u8];

    public static byte[] Png(int width, int height, string salt = "", bool withMetadata = false)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        file.Write(PngChunk("IHDR", header));
        if (withMetadata)
        {
            file.Write(PngChunk("tEXt", [.. "Author\0"u8, .. GpsMarker]));
            file.Write(PngChunk("eXIf", ExifWithGps()[6..]));
        }

        file.Write(PngChunk("IDAT", Encoding.ASCII.GetBytes("pixels-" + salt)));
        file.Write(PngChunk("IEND", []));
        return file.ToArray();
    }

    /// <summary>A PNG chunk with its CRC, so that decoders that check CRCs accept it.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>Every chunk after IHDR goes after the first chunk whose type is <paramref name="after"/>.</summary>
    public static byte[] WithPngChunks(byte[] png, string after, params byte[][] chunks)
    {
        ArgumentNullException.ThrowIfNull(png);
        var offset = 8;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            offset += 12 + length;
            if (type == after)
            {
                return [.. png[..offset], .. chunks.SelectMany(c => c), .. png[offset..]];
            }
        }

        throw new ArgumentException($"No {after} chunk.", nameof(after));
    }

    public static byte[] Gif(int width, int height, string salt = "") =>
        [.. "GIF89a"u8, .. Le16((ushort)width), .. Le16((ushort)height), 0, 0, 0, .. Encoding.ASCII.GetBytes(salt), 0x3B];

    /// <summary>A lossless WebP (VP8L) header with the size, with arbitrary bits after it.</summary>
    public static byte[] WebP(int width, int height, string salt = "")
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        byte[] vp8l = [0x2F, .. Le32(bits), .. Encoding.ASCII.GetBytes("bits-" + salt)];
        return Riff(RiffChunk("VP8L", vp8l));
    }

    public static byte[] RiffChunk(string fourCc, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. Encoding.ASCII.GetBytes(fourCc), .. Le32((uint)data.Length), .. data, .. data.Length % 2 == 1 ? new byte[1] : []];
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. "RIFF"u8, .. Le32((uint)(4 + body.Length)), .. "WEBP"u8, .. body];
    }

    public static byte[] Pdf(string salt = "") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {salt}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An ftyp box of brand isom, then <paramref name="length"/> bytes in all of an mdat-like filler.</summary>
    public static Stream Mp4(long length, string salt = "") => new Mp4Stream(length, salt);

    public static byte[] Mp4Bytes(long length, string salt = "")
    {
        using var stream = Mp4(length, salt);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Segment(Stream file, byte marker, byte[] payload)
    {
        file.Write([0xFF, marker]);
        file.Write(Be16((ushort)(payload.Length + 2)));
        file.Write(payload);
    }

    private static byte[] Le16(ushort value) => [(byte)value, (byte)(value >> 8)];
    private static byte[] Le32(uint value) => BitConverter.IsLittleEndian ? BitConverter.GetBytes(value) : [.. BitConverter.GetBytes(value).Reverse()];
    private static byte[] Be16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Generated as read, so a test of a large upload holds none of it in memory.</summary>
    private sealed class Mp4Stream(long length, string salt) : Stream
    {
        private readonly byte[] head = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8, .. Encoding.ASCII.GetBytes(salt)];
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                var at = position + i;
                buffer[offset + i] = at < head.Length ? head[at] : (byte)(at * 31 % 251);
            }

            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
