using System.Buffers.Binary;
using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.Testing;
using SkiaSharp;
using Xunit;

namespace NewsCms.Core.Tests.Media;

/// <summary>
/// Metadata stripping on pictures a real encoder made, with the metadata a camera or phone adds put in by hand; the
/// cleaned file must still decode to the same picture.
/// </summary>
public sealed class ImageMetadataTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jpeg_loses_exif_with_gps_and_xmp_but_keeps_jfif_the_colour_profile_and_the_picture()
    {
        var encoded = Encode(SKEncodedImageFormat.Jpeg, 37, 21);
        var withMetadata = TestMediaFiles.WithJpegSegment(
            TestMediaFiles.WithJpegSegment(encoded, 0xE1, TestMediaFiles.ExifWithGps()), 0xE1, TestMediaFiles.XmpPacket());
        var withProfile = TestMediaFiles.WithJpegSegment(withMetadata, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "profile"u8]);

        var (size, cleaned) = await CleanAsync(ImageMetadata.StripJpegAsync, withProfile);

        Assert.Equal(new ImageSize(37, 21), size);
        Assert.DoesNotContain(JpegSegmentsBeforeScan(cleaned), s => s.Marker == 0xE1);
        Assert.Equal(-1, cleaned.AsSpan().IndexOf(TestMediaFiles.GpsMarker));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.Contains(JpegSegmentsBeforeScan(cleaned), s => s.Marker == 0xE2);
        Assert.True(withProfile.Length - cleaned.Length >= TestMediaFiles.ExifWithGps().Length + TestMediaFiles.XmpPacket().Length);
        // Everything from the scan on is the encoder's bytes, untouched.
        Assert.True(cleaned.AsSpan().EndsWith(encoded.AsSpan(ScanStart(encoded))));
        AssertDecodes(cleaned, 37, 21);
    }

    [Fact]
    public async Task Png_loses_exif_text_and_time_chunks_and_still_decodes()
    {
        var encoded = Encode(SKEncodedImageFormat.Png, 19, 11);
        var withMetadata = TestMediaFiles.WithPngChunks(
            encoded,
            "IHDR",
            TestMediaFiles.PngChunk("tEXt", [.. "Author\0"u8, .. TestMediaFiles.GpsMarker]),
            TestMediaFiles.PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. TestMediaFiles.XmpPacket()]),
            TestMediaFiles.PngChunk("tIME", [0x07, 0xE9, 1, 2, 3, 4, 5]),
            TestMediaFiles.PngChunk("eXIf", TestMediaFiles.ExifWithGps()[6..]));
        AssertDecodes(withMetadata, 19, 11);

        var (size, cleaned) = await CleanAsync(ImageMetadata.StripPngAsync, withMetadata);

        Assert.Equal(new ImageSize(19, 11), size);
        Assert.Equal(encoded, cleaned);
        Assert.Equal(-1, cleaned.AsSpan().IndexOf(TestMediaFiles.GpsMarker));
        AssertDecodes(cleaned, 19, 11);
    }

    [Fact]
    public async Task WebP_loses_exif_and_xmp_chunks_and_gets_its_flags_and_size_fixed()
    {
        var encoded = Encode(SKEncodedImageFormat.Webp, 23, 17);
        var imageChunk = encoded[12..];
        byte[] vp8x = [0x08 | 0x04, 0, 0, 0, 22, 0, 0, 16, 0, 0];
        var withMetadata = TestMediaFiles.Riff(
            TestMediaFiles.RiffChunk("VP8X", vp8x),
            imageChunk,
            TestMediaFiles.RiffChunk("EXIF", TestMediaFiles.ExifWithGps()[6..]),
            TestMediaFiles.RiffChunk("XMP ", TestMediaFiles.XmpPacket()));
        AssertDecodes(withMetadata, 23, 17);

        await using var spool = new MemoryStream(withMetadata);
        await using var output = new MemoryStream();
        var size = await ImageMetadata.StripWebPAsync(spool, output, Cancel);
        var cleaned = output.ToArray();

        Assert.Equal(new ImageSize(23, 17), size);
        Assert.Equal(-1, cleaned.AsSpan().IndexOf(TestMediaFiles.GpsMarker));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("XMP "u8));
        Assert.Equal((uint)cleaned.Length - 8, BinaryPrimitives.ReadUInt32LittleEndian(cleaned.AsSpan(4)));
        Assert.Equal(0, cleaned[20] & (0x08 | 0x04));
        Assert.Equal(TestMediaFiles.Riff(TestMediaFiles.RiffChunk("VP8X", [0, .. vp8x[1..]]), imageChunk), cleaned);
        AssertDecodes(cleaned, 23, 17);
    }

    [Fact]
    public async Task Simple_webp_and_the_sizes_of_every_kind_of_webp_are_read()
    {
        var encoded = Encode(SKEncodedImageFormat.Webp, 31, 9);
        await using var output = new MemoryStream();

        var size = await ImageMetadata.StripWebPAsync(new MemoryStream(encoded), output, Cancel);

        Assert.Equal(new ImageSize(31, 9), size);
        Assert.Equal(encoded, output.ToArray());
        Assert.Equal(new ImageSize(300, 200), await ImageMetadata.StripWebPAsync(new MemoryStream(TestMediaFiles.WebP(300, 200)), Stream.Null, Cancel));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Truncated_images_are_refused_as_damaged(string format)
    {
        var (strip, file) = format switch
        {
            "jpeg" => ((Func<Stream, Stream, CancellationToken, Task<ImageSize>>)ImageMetadata.StripJpegAsync, Encode(SKEncodedImageFormat.Jpeg, 8, 8)),
            "png" => (ImageMetadata.StripPngAsync, Encode(SKEncodedImageFormat.Png, 8, 8)),
            _ => (ImageMetadata.StripWebPAsync, TestMediaFiles.Riff(TestMediaFiles.RiffChunk("VP8X", [0, 0, 0, 0, 7, 0, 0, 7, 0, 0]))[..20]),
        };
        var cut = format == "webp" ? file : file[..Math.Min(file.Length - 1, format == "jpeg" ? 30 : 40)];

        var error = await Assert.ThrowsAsync<NewsCmsException>(() => strip(new MemoryStream(cut), Stream.Null, Cancel));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Equal(ImageMetadata.DamagedMessage, error.FieldErrors["file"]);
    }

    private static async Task<(ImageSize Size, byte[] Cleaned)> CleanAsync(Func<Stream, Stream, CancellationToken, Task<ImageSize>> strip, byte[] file)
    {
        await using var output = new MemoryStream();
        var size = await strip(new MemoryStream(file), output, Cancel);
        return (size, output.ToArray());
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static void AssertDecodes(byte[] file, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(file);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.InRange(bitmap.GetPixel(1, 1).Red, SKColors.OrangeRed.Red - 40, SKColors.OrangeRed.Red + 40);
        Assert.InRange(bitmap.GetPixel(width - 2, height - 2).Blue, SKColors.CornflowerBlue.Blue - 40, SKColors.CornflowerBlue.Blue + 40);
    }

    private static List<(byte Marker, int Offset)> JpegSegmentsBeforeScan(byte[] jpeg)
    {
        var segments = new List<(byte, int)>();
        var offset = 2;
        while (offset + 4 <= jpeg.Length && jpeg[offset] == 0xFF && jpeg[offset + 1] != 0xDA)
        {
            segments.Add((jpeg[offset + 1], offset));
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(offset + 2));
        }

        return segments;
    }

    private static int ScanStart(byte[] jpeg)
    {
        var segments = JpegSegmentsBeforeScan(jpeg);
        var (_, last) = segments[^1];
        return last + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(last + 2));
    }
}
