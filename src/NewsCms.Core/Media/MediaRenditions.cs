using NewsCms.Core.Common;
using SkiaSharp;

namespace NewsCms.Core.Media;

/// <summary>
/// Makes each rendition of an image once, on its first request, and keeps it in the store beside the original; every
/// later request reads the stored bytes. Pictures are decoded with SkiaSharp: uploads are untrusted, and Skia is the
/// decoder browsers harden against crafted files.
/// </summary>
public sealed class MediaRenditions(IMediaStore store)
{
    /// <summary>
    /// A 25 MB upload can still declare a billion pixels and need gigabytes once decoded; the header says how many
    /// before anything is allocated, so such a picture is refused unread. 100 megapixels is beyond any news photo.
    /// </summary>
    public const long MaxSourcePixels = 100_000_000;

    private const int Quality = 80;

    // Concurrent first requests for one rendition would each decode the original; the store's atomic writes keep
    // that harmless, the gate keeps it cheap. Striped by key so the gates never need cleaning up.
    private readonly SemaphoreSlim[] gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    // A page of new photos asks for dozens of renditions at once, each decoding an original of up to 400 MB of
    // pixels: they queue for the cores instead of all holding their memory together.
    private readonly SemaphoreSlim renderSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// The stored rendition of <paramref name="asset"/>, made now if this is its first request. The caller disposes
    /// it. Throws NOT_FOUND when the original is missing from the store and VALIDATION when it is not an image this
    /// server can render.
    /// </summary>
    public async Task<StoredMedia> OpenAsync(MediaAsset asset, Rendition rendition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(rendition);
        if (!asset.IsImage)
        {
            throw NewsCmsException.Invalid("rendition", "Only images have renditions.");
        }

        var key = MediaKeys.RenditionOf(asset.StorageId, rendition.Name);
        if (await store.OpenReadAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        var gate = gates[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)gates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.OpenReadAsync(key, cancellationToken) is { } madeMeanwhile)
            {
                return madeMeanwhile;
            }

            byte[] encoded;
            await using (var original = await store.OpenReadAsync(MediaKeys.OriginalOf(asset.StorageId), cancellationToken)
                ?? throw NewsCmsException.NotFound("The original of this asset"))
            {
                await renderSlots.WaitAsync(cancellationToken);
                try
                {
                    using var data = SKData.Create(original.Content);
                    encoded = Render(data, rendition);
                }
                finally
                {
                    renderSlots.Release();
                }
            }

            using var content = new MemoryStream(encoded, writable: false);
            await store.WriteAsync(key, content, rendition.ContentType, cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        return await store.OpenReadAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The rendition '{key}' vanished right after it was written.");
    }

    /// <summary>Decodes, orients, resizes and encodes; never enlarges, so a small original gives a small rendition.</summary>
    internal static byte[] Render(SKData original, Rendition rendition)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(rendition);
        var (decoded, uprightWidth, uprightHeight) = Decode(original, rendition);
        using var source = decoded;
        // Laid out on the original's size, not the decoded one: a reduced decode rounds its sides, and the
        // rendition's size must not depend on how the codec could reduce.
        var (width, height, crop) = Layout(uprightWidth, uprightHeight, rendition);
        var scaleX = (float)source.Width / uprightWidth;
        var scaleY = (float)source.Height / uprightHeight;
        crop = new SKRect(crop.Left * scaleX, crop.Top * scaleY, crop.Right * scaleX, crop.Bottom * scaleY);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Could not allocate a {width}x{height} surface.");
        // JPEG has no transparency: transparent pixels would come out black, white is what a page shows behind them.
        surface.Canvas.Clear(rendition.Format == RenditionFormat.Jpeg ? SKColors.White : SKColors.Transparent);
        using (var image = SKImage.FromBitmap(source))
        {
            // Mipmaps make large reductions smooth instead of aliased.
            surface.Canvas.DrawImage(image, crop, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(rendition.Format == RenditionFormat.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, Quality)
            ?? throw new InvalidOperationException($"Could not encode a {rendition.Format} rendition.");
        return encoded.ToArray();
    }

    /// <summary>
    /// The output size and the part of the source it shows. Contain shows all of it inside the box; cover fills the
    /// box, cutting the excess on the side away from the focal point. A box larger than the source shrinks, keeping
    /// its shape, until it fits.
    /// </summary>
    internal static (int Width, int Height, SKRect Crop) Layout(int sourceWidth, int sourceHeight, Rendition rendition)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        var full = SKRect.Create(sourceWidth, sourceHeight);
        if (rendition.Fit == MediaFit.Contain || rendition.Height is not { } boxHeight)
        {
            var scale = Math.Min(1d, (double)rendition.Width / sourceWidth);
            if (rendition.Height is { } maxHeight)
            {
                scale = Math.Min(scale, (double)maxHeight / sourceHeight);
            }

            return (Side(sourceWidth * scale), Side(sourceHeight * scale), full);
        }

        var shrink = Math.Min(1d, Math.Min((double)sourceWidth / rendition.Width, (double)sourceHeight / boxHeight));
        var width = Side(rendition.Width * shrink);
        var height = Side(boxHeight * shrink);
        var fill = Math.Max((double)width / sourceWidth, (double)height / sourceHeight);
        var cropWidth = Math.Min(sourceWidth, width / fill);
        var cropHeight = Math.Min(sourceHeight, height / fill);
        var left = Math.Clamp((sourceWidth * rendition.FocalXPercent / 100d) - (cropWidth / 2), 0, sourceWidth - cropWidth);
        var top = Math.Clamp((sourceHeight * rendition.FocalYPercent / 100d) - (cropHeight / 2), 0, sourceHeight - cropHeight);
        return (width, height, SKRect.Create((float)left, (float)top, (float)cropWidth, (float)cropHeight));
    }

    private static int Side(double pixels) => Math.Max(1, (int)Math.Round(pixels, MidpointRounding.AwayFromZero));

    /// <summary>
    /// The picture as a reader sees it: the first frame of an animation, turned as the camera's EXIF orientation
    /// says. JPEG and WebP decode straight to a smaller size when the rendition is much smaller, which is far cheaper
    /// than decoding every pixel of a 24-megapixel photo to make a thumbnail.
    /// </summary>
    private static (SKBitmap Upright, int OriginalWidth, int OriginalHeight) Decode(SKData original, Rendition rendition)
    {
        using var codec = SKCodec.Create(original)
            ?? throw NewsCmsException.Invalid("rendition", "The original is not an image this server can read.");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxSourcePixels || info.Width < 1 || info.Height < 1)
        {
            throw NewsCmsException.Invalid("rendition", $"The original has more than {MaxSourcePixels / 1_000_000} megapixels.");
        }

        var origin = codec.EncodedOrigin;
        var turned = SwapsSides(origin);
        var (uprightWidth, uprightHeight) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
        var (width, height, crop) = Layout(uprightWidth, uprightHeight, rendition);
        var neededScale = Math.Min(1f, Math.Max(width / crop.Width, height / crop.Height));
        var decodeSize = codec.GetScaledDimensions(neededScale);
        if (decodeSize.Width < Math.Ceiling(info.Width * neededScale) || decodeSize.Height < Math.Ceiling(info.Height * neededScale))
        {
            decodeSize = new SKSizeI(info.Width, info.Height);
        }

        var bitmap = new SKBitmap(new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw NewsCmsException.Invalid("rendition", $"The original could not be decoded ({result}).");
        }

        return (origin == SKEncodedOrigin.TopLeft ? bitmap : Orient(bitmap, origin), uprightWidth, uprightHeight);
    }

    private static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Turns the decoded pixels upright; takes ownership of <paramref name="stored"/>.</summary>
    private static SKBitmap Orient(SKBitmap stored, SKEncodedOrigin origin)
    {
        using (stored)
        {
            float w = stored.Width, h = stored.Height;
            var matrix = origin switch
            {
                SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
                SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
                SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
                SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
                SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
                SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
                SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
                _ => SKMatrix.Identity,
            };
            var upright = SwapsSides(origin)
                ? new SKBitmap(new SKImageInfo(stored.Height, stored.Width, SKColorType.Rgba8888, SKAlphaType.Premul))
                : new SKBitmap(stored.Info);
            using var canvas = new SKCanvas(upright);
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            using var image = SKImage.FromBitmap(stored);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
            return upright;
        }
    }
}
