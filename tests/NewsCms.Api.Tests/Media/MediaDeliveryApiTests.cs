using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Media;
using NewsCms.Testing;
using SkiaSharp;

namespace NewsCms.Api.Tests.Media;

/// <summary><c>/media/{storageId}/{name}</c> as browsers and CDNs use it: anonymous, cached forever, conditional and ranged.</summary>
public abstract class MediaDeliveryApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IMediaStore Store => api.Services.GetRequiredService<IMediaStore>();

    private MediaUrls Urls => api.Services.GetRequiredService<MediaUrls>();

    private static readonly MediaOptions Options = new();

    [Fact]
    public async Task An_original_is_served_under_its_file_name_with_a_strong_etag_and_cached_forever()
    {
        var client = api.CreateClientOrSkip();
        var bytes = TestImages.Halves(300, 200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        var asset = await SaveAsync(bytes, "Café photo (1).jpg", "image/jpeg");

        using var response = await client.GetAsync(Urls.Original(asset), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new EntityTagHeaderValue($"\"{asset.Sha256}\"", isWeak: false), response.Headers.ETag);
        AssertCachedForever(response);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(new DateTimeOffset(TestContent.Now), response.Content.Headers.LastModified);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync(TestImages.Halves(300, 200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "logo.png", "image/png");
        using var request = new HttpRequestMessage(HttpMethod.Get, Urls.Original(asset));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{asset.Sha256}\""));

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal($"\"{asset.Sha256}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_video_is_served_in_ranges_and_a_range_beyond_its_end_gets_416()
    {
        var client = api.CreateClientOrSkip();
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();
        var asset = await SaveAsync(bytes, "clip.mp4", "video/mp4", MediaKind.Video);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, Urls.Original(asset));
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await client.SendAsync(ranged, Cancel);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, Urls.Original(asset));
        beyond.Headers.Range = new RangeHeaderValue(5000, 6000);
        using var refused = await client.SendAsync(beyond, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("bytes 100-199/1000", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal("bytes */1000", refused.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task A_document_opens_inline_under_its_file_name()
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync("%PDF-1.7\nannual report"u8.ToArray(), "Rapport annuel 2026.pdf", "application/pdf", MediaKind.Document);

        using var response = await client.GetAsync(Urls.Original(asset), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("inline", disposition?.DispositionType);
        Assert.Equal("Rapport annuel 2026.pdf", disposition?.FileNameStar);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HEAD_answers_the_headers_of_a_GET_without_the_body()
    {
        var client = api.CreateClientOrSkip();
        var bytes = TestImages.Halves(300, 200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        var asset = await SaveAsync(bytes, "head.jpg", "image/jpeg");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Urls.Original(asset)), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{asset.Sha256}\"", response.Headers.ETag?.Tag);
        AssertCachedForever(response);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A_rendition_is_made_on_its_first_GET_and_read_from_the_store_on_the_next()
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync(TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "wide.jpg", "image/jpeg", focalX: 0.9);
        var rendition = Rendition.For(asset, Options, 300, 300, MediaFit.Cover, RenditionFormat.WebP);
        var key = MediaKeys.RenditionOf(asset.StorageId, rendition.Name);
        Assert.False(await Store.ExistsAsync(key, Cancel));

        using var first = await client.GetAsync(Urls.Of(asset, rendition), Cancel);
        var firstBytes = await first.Content.ReadAsByteArrayAsync(Cancel);
        var made = File.GetLastWriteTimeUtc(Path.Combine(api.MediaRoot, key));
        using var second = await client.GetAsync(Urls.Of(asset, rendition), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("webp", TestImages.FormatOf(firstBytes));
        Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
        using (var picture = TestImages.Decode(firstBytes))
        {
            Assert.Equal((320, 320), (picture.Width, picture.Height));
            Assert.True(picture.GetPixel(160, 160).Blue > 200, "the crop follows the focal point into the blue half");
        }

        Assert.Equal(new EntityTagHeaderValue($"\"{asset.Sha256}-{rendition.Name}\""), first.Headers.ETag);
        AssertCachedForever(first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(made, File.GetLastWriteTimeUtc(Path.Combine(api.MediaRoot, key)));
    }

    [Fact]
    public async Task A_rendition_answers_conditional_requests_too()
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync(TestImages.Halves(600, 400, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "small.png", "image/png");
        var url = Urls.Of(asset, Rendition.For(asset, Options, 160, null, MediaFit.Contain, RenditionFormat.Jpeg));
        using var first = await client.GetAsync(url, Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal("jpeg", TestImages.FormatOf(await first.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("300x300-cover-50-50.webp")] // not a configured size
    [InlineData("320x320-cover-50-50.webp")] // not the asset's focal point
    [InlineData("320x320-cover-90-50.png")] // not a rendition format
    [InlineData("0320-contain.webp")] // not canonical
    [InlineData("other-name.jpg")] // neither the file name nor a rendition
    public async Task Renditions_other_than_the_ones_its_urls_name_are_404_and_never_made(string name)
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync(TestImages.Halves(600, 400, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), "photo.jpg", "image/jpeg", focalX: 0.9);

        using var refused = await client.GetAsync($"/media/{asset.StorageId}/{name}", Cancel);
        using var served = await client.GetAsync($"/media/{asset.StorageId}/320x320-cover-90-50.webp", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var stored = await Store.ListAsync(MediaKeys.FolderOf(asset.StorageId), Cancel).Select(b => b.Key).ToListAsync(Cancel);
        Assert.Equal([MediaKeys.OriginalOf(asset.StorageId), MediaKeys.RenditionOf(asset.StorageId, "320x320-cover-90-50.webp")], stored.Order());
    }

    [Fact]
    public async Task Unknown_storage_ids_and_renditions_of_non_images_are_404()
    {
        var client = api.CreateClientOrSkip();
        var video = await SaveAsync([0, 0, 0, 24, 1, 2, 3], "clip.mp4", "video/mp4", MediaKind.Video);

        using var unknown = await client.GetAsync($"/media/{MediaKeys.NewStorageId()}/photo.jpg", Cancel);
        using var malformed = await client.GetAsync("/media/..%2F..%2Fetc/passwd", Cancel);
        using var videoRendition = await client.GetAsync($"/media/{video.StorageId}/320-contain.webp", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, videoRendition.StatusCode);
    }

    [Fact]
    public async Task A_rendition_of_an_original_declaring_too_many_pixels_is_422_and_not_cached()
    {
        var client = api.CreateClientOrSkip();
        var asset = await SaveAsync(TestImages.PngDeclaring(20_000, 20_000), "bomb.png", "image/png");

        using var response = await client.GetAsync(Urls.Of(asset, Rendition.For(asset, Options, 320, null, MediaFit.Contain, RenditionFormat.WebP)), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(response.Headers.CacheControl);
        Assert.Null(response.Headers.ETag);
    }

    private async Task<MediaAsset> SaveAsync(byte[] bytes, string fileName, string contentType, MediaKind kind = MediaKind.Image, double focalX = 0.5)
    {
        var asset = TestImages.Asset(bytes, fileName, contentType, kind, focalX);
        await api.Database.Contexts.SaveAsync(asset);
        await Store.WriteAsync(MediaKeys.OriginalOf(asset.StorageId), new MemoryStream(bytes), contentType, Cancel);
        return asset;
    }

    private static void AssertCachedForever(HttpResponseMessage response)
    {
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
    }
}

public sealed class SqliteMediaDeliveryApiTests(SqliteApi api) : MediaDeliveryApiTests<SqliteApi>(api);

public sealed class PostgreSqlMediaDeliveryApiTests(PostgreSqlApi api) : MediaDeliveryApiTests<PostgreSqlApi>(api);
