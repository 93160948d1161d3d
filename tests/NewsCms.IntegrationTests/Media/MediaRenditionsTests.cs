using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.Testing;
using SkiaSharp;

namespace NewsCms.IntegrationTests.Media;

/// <summary>Renditions made from real encoded pictures on the folder store, the embedded default's store.</summary>
public sealed class MediaRenditionsTests : IDisposable
{
    private static readonly MediaOptions Options = new();
    private readonly string root = Path.Combine(Path.GetTempPath(), $"newscms-renditions-{Guid.NewGuid():N}");
    private readonly FileSystemMediaStore store;
    private readonly MediaRenditions renditions;

    public MediaRenditionsTests()
    {
        store = new FileSystemMediaStore(root);
        renditions = new MediaRenditions(store);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task A_width_alone_fits_the_picture_to_it_keeping_its_proportions(SKEncodedImageFormat source, string contentType)
    {
        var asset = await StoreAsync(TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, source), "photo", contentType);

        var (bytes, picture) = await RenderAsync(asset, 640, null, MediaFit.Contain, RenditionFormat.WebP);

        Assert.Equal("webp", TestImages.FormatOf(bytes));
        Assert.Equal((640, 427), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task A_jpeg_rendition_is_a_jpeg_with_the_box_size_of_a_cover_crop()
    {
        var asset = await StoreAsync(TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "photo.png", "image/png");

        var (bytes, picture) = await RenderAsync(asset, 320, 320, MediaFit.Cover, RenditionFormat.Jpeg);

        Assert.Equal("jpeg", TestImages.FormatOf(bytes));
        Assert.Equal((320, 320), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task Contain_in_a_box_fits_the_whole_picture_inside_it()
    {
        var asset = await StoreAsync(TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "photo.jpg", "image/jpeg");

        var (_, picture) = await RenderAsync(asset, 320, 320, MediaFit.Contain, RenditionFormat.WebP);

        Assert.Equal((320, 213), (picture.Width, picture.Height));
        Assert.True(IsRed(picture.GetPixel(10, 100)) && IsBlue(picture.GetPixel(310, 100)), "both halves are kept");
    }

    [Theory]
    [InlineData(0.9, false)]
    [InlineData(0.1, true)]
    public async Task A_cover_crop_is_cut_around_the_focal_point(double focalX, bool expectRed)
    {
        var asset = await StoreAsync(
            TestImages.Halves(1200, 600, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "photo.jpg", "image/jpeg", focalX);

        var (_, picture) = await RenderAsync(asset, 320, 320, MediaFit.Cover, RenditionFormat.WebP);

        Assert.Equal((320, 320), (picture.Width, picture.Height));
        var red = CountPixels(picture, IsRed);
        var blue = CountPixels(picture, IsBlue);
        var total = picture.Width * picture.Height;
        if (expectRed)
        {
            Assert.True(red > total * 0.95 && blue == 0, $"red {red}, blue {blue} of {total}");
        }
        else
        {
            Assert.True(blue > total * 0.95 && red == 0, $"red {red}, blue {blue} of {total}");
        }
    }

    [Fact]
    public async Task A_centred_cover_crop_keeps_both_halves()
    {
        var asset = await StoreAsync(TestImages.Halves(1200, 600, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "photo.png", "image/png");

        var (_, picture) = await RenderAsync(asset, 320, 320, MediaFit.Cover, RenditionFormat.WebP);

        Assert.True(IsRed(picture.GetPixel(20, 160)) && IsBlue(picture.GetPixel(300, 160)));
    }

    [Fact]
    public async Task A_small_original_is_never_enlarged()
    {
        var asset = await StoreAsync(TestImages.Halves(200, 100, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "small.png", "image/png");

        var (_, wide) = await RenderAsync(asset, 1280, null, MediaFit.Contain, RenditionFormat.WebP);
        var (_, box) = await RenderAsync(asset, 640, 320, MediaFit.Cover, RenditionFormat.WebP);

        Assert.Equal((200, 100), (wide.Width, wide.Height));
        // The box keeps its 2:1 shape, shrunk until the original fills it.
        Assert.Equal((200, 100), (box.Width, box.Height));
    }

    [Fact]
    public async Task A_gif_renders_its_first_frame()
    {
        var asset = await StoreAsync(TestImages.AnimatedGif(400, 200, SKColors.Red, SKColors.Blue), "animated.gif", "image/gif");

        var (bytes, picture) = await RenderAsync(asset, 320, null, MediaFit.Contain, RenditionFormat.WebP);

        Assert.Equal("webp", TestImages.FormatOf(bytes));
        Assert.Equal((320, 160), (picture.Width, picture.Height));
        Assert.Equal(picture.Width * picture.Height, CountPixels(picture, IsRed));
    }

    [Fact]
    public async Task A_jpeg_is_turned_upright_as_its_exif_orientation_says()
    {
        // Stored sideways: red on top. Turned 90° clockwise for viewing, red ends up on the right.
        var sideways = TestImages.WithExifOrientation(TestImages.TopAndBottomJpeg(400, 800, SKColors.Red, SKColors.Blue), 6);
        var asset = await StoreAsync(sideways, "phone.jpg", "image/jpeg");

        var (_, picture) = await RenderAsync(asset, 320, null, MediaFit.Contain, RenditionFormat.Jpeg);

        Assert.Equal((320, 160), (picture.Width, picture.Height));
        Assert.True(IsBlue(picture.GetPixel(20, 80)) && IsRed(picture.GetPixel(300, 80)));
    }

    [Fact]
    public async Task A_rendition_is_made_once_and_then_read_from_the_store()
    {
        var asset = await StoreAsync(TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "photo.jpg", "image/jpeg");
        var rendition = Rendition.For(asset, Options, 640, 360, MediaFit.Cover, RenditionFormat.WebP);
        var key = MediaKeys.RenditionOf(asset.StorageId, rendition.Name);

        var first = await ReadAsync(await renditions.OpenAsync(asset, rendition, Cancel));
        var written = File.GetLastWriteTimeUtc(Path.Combine(root, key));
        // Were the original read again, this would fail to decode.
        await store.WriteAsync(MediaKeys.OriginalOf(asset.StorageId), new MemoryStream("not a picture"u8.ToArray()), "image/jpeg", Cancel);
        var second = await ReadAsync(await renditions.OpenAsync(asset, rendition, Cancel));

        Assert.True(await store.ExistsAsync(key, Cancel));
        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(root, key)));
    }

    [Fact]
    public async Task Concurrent_first_requests_all_get_the_same_complete_rendition()
    {
        var asset = await StoreAsync(TestImages.Halves(1600, 1200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "photo.jpg", "image/jpeg");
        var rendition = Rendition.For(asset, Options, 800, null, MediaFit.Contain, RenditionFormat.WebP);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => await ReadAsync(await renditions.OpenAsync(asset, rendition, Cancel))));

        Assert.All(results, bytes => Assert.Equal(results[0], bytes));
        using var picture = TestImages.Decode(results[0]);
        Assert.Equal(800, picture.Width);
        var files = await store.ListAsync(MediaKeys.FolderOf(asset.StorageId), Cancel).Select(b => b.Key).ToListAsync(Cancel);
        Assert.Equal([MediaKeys.OriginalOf(asset.StorageId), MediaKeys.RenditionOf(asset.StorageId, rendition.Name)], files.Order());
    }

    [Fact]
    public async Task A_picture_declaring_too_many_pixels_is_refused_before_it_is_decoded()
    {
        var bomb = TestImages.PngDeclaring(20_000, 20_000);
        var asset = await StoreAsync(bomb, "bomb.png", "image/png");

        var refused = await Assert.ThrowsAsync<NewsCmsException>(
            () => renditions.OpenAsync(asset, Rendition.For(asset, Options, 320, null, MediaFit.Contain, RenditionFormat.WebP), Cancel));

        Assert.Equal(ErrorCode.Validation, refused.Code);
        Assert.Contains("megapixels", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(MediaKeys.FolderOf(asset.StorageId) + "renditions/", Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Only_images_have_renditions()
    {
        var asset = await StoreAsync("%PDF-1.7 a document"u8.ToArray(), "report.pdf", "application/pdf", kind: MediaKind.Document);

        var refused = await Assert.ThrowsAsync<NewsCmsException>(
            () => renditions.OpenAsync(asset, new Rendition(320, null, MediaFit.Contain, RenditionFormat.WebP, 50, 50), Cancel));

        Assert.Equal(ErrorCode.Validation, refused.Code);
    }

    private async Task<MediaAsset> StoreAsync(byte[] bytes, string fileName, string contentType, double focalX = 0.5, MediaKind kind = MediaKind.Image)
    {
        var asset = TestImages.Asset(bytes, fileName, contentType, kind, focalX);
        await store.WriteAsync(MediaKeys.OriginalOf(asset.StorageId), new MemoryStream(bytes), contentType, Cancel);
        return asset;
    }

    private async Task<(byte[] Bytes, SKBitmap Picture)> RenderAsync(MediaAsset asset, int width, int? height, MediaFit fit, RenditionFormat format)
    {
        var bytes = await ReadAsync(await renditions.OpenAsync(asset, Rendition.For(asset, Options, width, height, fit, format), Cancel));
        return (bytes, TestImages.Decode(bytes));
    }

    private static async Task<byte[]> ReadAsync(StoredMedia stored)
    {
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy, Cancel);
            Assert.Equal(stored.Length, copy.Length);
            return copy.ToArray();
        }
    }

    private static int CountPixels(SKBitmap picture, Func<SKColor, bool> matches)
    {
        var count = 0;
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                count += matches(picture.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }

    // Lossy encoders blur the seam and shift colours a little.
    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 60 && c.Green < 60;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60 && c.Green < 60;
}
