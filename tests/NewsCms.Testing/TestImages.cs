using System.Buffers.Binary;
using System.Security.Cryptography;
using NewsCms.Core.Media;
using SkiaSharp;

namespace NewsCms.Testing;

/// <summary>
/// Pictures made in code, so the tests carry no binaries and each says what it is: two coloured halves show where a
/// crop was taken from.
/// </summary>
public static class TestImages
{
    /// <summary>Left half <paramref name="left"/>, right half <paramref name="right"/>, encoded as <paramref name="format"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var paint = new SKPaint { Color = left })
        {
            surface.Canvas.DrawRect(0, 0, width / 2f, height, paint);
        }

        using (var paint = new SKPaint { Color = right })
        {
            surface.Canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>Top half <paramref name="top"/>, bottom half <paramref name="bottom"/>, as a JPEG.</summary>
    public static byte[] TopAndBottomJpeg(int width, int height, SKColor top, SKColor bottom)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var paint = new SKPaint { Color = top })
        {
            surface.Canvas.DrawRect(0, 0, width, height / 2f, paint);
        }

        using (var paint = new SKPaint { Color = bottom })
        {
            surface.Canvas.DrawRect(0, height / 2f, width, height - (height / 2f), paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>
    /// An animated GIF, one solid colour per frame. Skia encodes no GIF, so this writes one: LZW with a clear code
    /// every 200 pixels keeps every code at 9 bits.
    /// </summary>
    public static byte[] AnimatedGif(int width, int height, params SKColor[] frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteShort(gif, width);
        WriteShort(gif, height);
        gif.Write([0xF7, 0, 0]); // a global table of 256 colours
        for (var i = 0; i < 256; i++)
        {
            var colour = i < frames.Length ? frames[i] : SKColors.Black;
            gif.Write([colour.Red, colour.Green, colour.Blue]);
        }

        for (var frame = 0; frame < frames.Length; frame++)
        {
            gif.Write([0x21, 0xF9, 0x04, 0x00, 10, 0, 0, 0]); // 0.1 s per frame
            gif.WriteByte(0x2C);
            WriteShort(gif, 0);
            WriteShort(gif, 0);
            WriteShort(gif, width);
            WriteShort(gif, height);
            gif.WriteByte(0);
            gif.WriteByte(8);
            var codes = new List<int>();
            for (var pixel = 0; pixel < width * height; pixel++)
            {
                if (pixel % 200 == 0)
                {
                    codes.Add(256);
                }

                codes.Add(frame);
            }

            codes.Add(257);
            var packed = new List<byte>();
            int buffer = 0, bits = 0;
            foreach (var code in codes)
            {
                buffer |= code << bits;
                bits += 9;
                while (bits >= 8)
                {
                    packed.Add((byte)(buffer & 0xFF));
                    buffer >>= 8;
                    bits -= 8;
                }
            }

            if (bits > 0)
            {
                packed.Add((byte)buffer);
            }

            foreach (var block in packed.Chunk(255))
            {
                gif.WriteByte((byte)block.Length);
                gif.Write(block);
            }

            gif.WriteByte(0);
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF block saying how the camera was held (6: turn 90° clockwise to view),
    /// as phones write it instead of turning the pixels.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF, first directory at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation, SHORT, 1
            0, 0, 0, 0, // no next directory
        ];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        var length = exif.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// A decompression bomb: a small PNG whose header claims <paramref name="width"/> × <paramref name="height"/>
    /// pixels. Its header checksum matches, so only the pixel count can refuse it.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = Halves(20, 20, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = 0xFFFFFFFFu;
        foreach (var b in png.AsSpan(12, 17))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), ~crc);
        return png;
    }

    /// <summary>What the bytes are, by their magic numbers: "jpeg", "png", "webp", "gif" or "unknown".</summary>
    public static string FormatOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "webp",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "gif",
        _ => "unknown",
    };

    /// <summary>Decodes <paramref name="bytes"/> for assertions on size and colour.</summary>
    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("Not a picture Skia can read.");

    /// <summary>
    /// An asset row describing <paramref name="bytes"/>, under a fresh storage id and with a hash of its own, as an
    /// upload would record it. Save it and write the bytes to <see cref="MediaKeys.OriginalOf"/> yourself.
    /// </summary>
    public static MediaAsset Asset(byte[] bytes, string fileName, string contentType, MediaKind kind = MediaKind.Image, double focalX = 0.5, double focalY = 0.5)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        int? width = null, height = null;
        if (kind == MediaKind.Image)
        {
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            width = codec.Info.Width;
            height = codec.Info.Height;
        }

        return new MediaAsset
        {
            StorageId = MediaKeys.NewStorageId(),
            FileName = fileName,
            ContentType = contentType,
            Kind = kind,
            SizeBytes = bytes.Length,
            // Salted: tests reuse pictures, and the column is unique.
            Sha256 = Convert.ToHexStringLower(SHA256.HashData([.. bytes, .. Guid.NewGuid().ToByteArray()])),
            Width = width,
            Height = height,
            FocalPointX = focalX,
            FocalPointY = focalY,
            UploadedAt = TestContent.Now,
            Version = 1,
        };
    }

    private static void WriteShort(Stream stream, int value)
    {
        stream.WriteByte((byte)value);
        stream.WriteByte((byte)(value >> 8));
    }
}
