using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;
using NewsCms.Testing;
using SkiaSharp;

namespace NewsCms.Api.Tests.Media;

/// <summary><c>MediaAsset.url</c>: the links a frontend puts in its pages, each one an exact URL the server will serve.</summary>
public abstract class MediaUrlApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string UrlQuery = """
        query($id: ID!, $width: Int, $height: Int, $fit: MediaFit, $format: ImageFormat) {
          mediaAsset(id: $id) { original: url sized: url(width: $width, height: $height, fit: $fit, format: $format) }
        }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_arguments_the_url_is_the_original_and_with_a_size_it_names_the_snapped_rendition()
    {
        var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var asset = await SaveImageAsync("Market open.jpg", focalX: 0.25, focalY: 0.75);

        var cover = await UrlsAsync(staff, asset, new { width = 300, height = 200 });
        var contain = await UrlsAsync(staff, asset, new { width = 1000, fit = "CONTAIN", format = "JPEG" });
        var boxed = await UrlsAsync(staff, asset, new { width = 700, height = 500, fit = "CONTAIN" });

        Assert.Equal($"/media/{asset.StorageId}/Market%20open.jpg", cover.Original);
        Assert.Equal($"/media/{asset.StorageId}/320x320-cover-25-75.webp", cover.Sized);
        Assert.Equal($"/media/{asset.StorageId}/1024-contain.jpg", contain.Sized);
        Assert.Equal($"/media/{asset.StorageId}/800x640-contain.webp", boxed.Sized);
    }

    [Fact]
    public async Task Every_url_it_gives_is_served()
    {
        var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var asset = await SaveImageAsync("served.jpg", focalX: 0.33);
        var anonymous = api.CreateClientOrSkip();

        var urls = await UrlsAsync(staff, asset, new { width = 90, height = 50, format = "JPEG" });
        using var original = await anonymous.GetAsync(urls.Original, Cancel);
        using var rendition = await anonymous.GetAsync(urls.Sized, Cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, rendition.StatusCode);
        Assert.Equal("jpeg", TestImages.FormatOf(await rendition.Content.ReadAsByteArrayAsync(Cancel)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(10_001, null)]
    [InlineData(640, 0)]
    [InlineData(640, 10_001)]
    [InlineData(null, 480)]
    public async Task Sizes_out_of_range_or_a_height_alone_are_validation_errors(int? width, int? height)
    {
        var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var asset = await SaveImageAsync("range.jpg");

        var result = await staff.QueryAsync(UrlQuery, new { id = IdOf(asset), width, height });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
    }

    [Fact]
    public async Task Sizes_of_a_document_are_a_validation_error_and_its_url_is_the_original()
    {
        var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var document = TestImages.Asset("%PDF-1.7"u8.ToArray(), "report.pdf", "application/pdf", MediaKind.Document);
        await api.Database.Contexts.SaveAsync(document);

        var sized = await staff.QueryAsync(UrlQuery, new { id = IdOf(document), width = 320 });
        var original = (await staff.DataAsync("query($id: ID!) { mediaAsset(id: $id) { url } }", new { id = IdOf(document) }))
            .GetProperty("mediaAsset").GetProperty("url").GetString();

        Assert.Equal(["VALIDATION"], sized.ErrorCodes());
        Assert.Equal($"/media/{document.StorageId}/report.pdf", original);
    }

    [Fact]
    public async Task The_asset_query_is_for_staff_and_finds_nothing_for_ids_of_other_kinds()
    {
        var asset = await SaveImageAsync("staff.jpg");
        var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        var anonymous = await api.CreateClientOrSkip().QueryAsync("query($id: ID!) { mediaAsset(id: $id) { url } }", new { id = IdOf(asset) });
        var otherKind = await staff.DataAsync("query($id: ID!) { mediaAsset(id: $id) { url } }", new { id = GlobalId.Encode("Author", asset.Id) });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());
        Assert.Equal(JsonValueKind.Null, otherKind.GetProperty("mediaAsset").ValueKind);
    }

    private async Task<MediaAsset> SaveImageAsync(string fileName, double focalX = 0.5, double focalY = 0.5)
    {
        api.Database.RequireAvailable();
        var bytes = TestImages.Halves(1200, 800, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        var asset = TestImages.Asset(bytes, fileName, "image/jpeg", MediaKind.Image, focalX, focalY);
        await api.Database.Contexts.SaveAsync(asset);
        await api.Services.GetRequiredService<IMediaStore>().WriteAsync(MediaKeys.OriginalOf(asset.StorageId), new MemoryStream(bytes), "image/jpeg", Cancel);
        return asset;
    }

    private async Task<(string Original, string Sized)> UrlsAsync(HttpClient staff, MediaAsset asset, object arguments)
    {
        var variables = JsonSerializer.SerializeToNode(arguments)!.AsObject();
        variables["id"] = IdOf(asset);
        var urls = (await staff.DataAsync(UrlQuery, variables)).GetProperty("mediaAsset");
        return (urls.GetProperty("original").GetString()!, urls.GetProperty("sized").GetString()!);
    }

    private static string IdOf(MediaAsset asset) => GlobalId.Encode(MediaAssetGraphType.TypeName, asset.Id);
}

public sealed class SqliteMediaUrlApiTests(SqliteApi api) : MediaUrlApiTests<SqliteApi>(api);

public sealed class PostgreSqlMediaUrlApiTests(PostgreSqlApi api) : MediaUrlApiTests<PostgreSqlApi>(api);

/// <summary>Behind a CDN, every media URL names the CDN's host; the paths stay the server's.</summary>
public sealed class CdnMediaUrlApiTests(CdnMediaApi api) : IClassFixture<CdnMediaApi>
{
    [Fact]
    public async Task The_configured_public_base_url_replaces_the_host_of_every_media_url()
    {
        var staff = await api.StaffClientAsync(StaffRoles.Writer, TestContext.Current.CancellationToken);
        var asset = TestImages.Asset(TestImages.Halves(400, 200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Png), "cdn.png", "image/png");
        await api.Database.Contexts.SaveAsync(asset);

        var urls = (await staff.DataAsync(
            "query($id: ID!) { mediaAsset(id: $id) { url small: url(width: 100) } }",
            new { id = GlobalId.Encode(MediaAssetGraphType.TypeName, asset.Id) })).GetProperty("mediaAsset");

        Assert.Equal($"{CdnMediaApi.CdnBaseUrl}/media/{asset.StorageId}/cdn.png", urls.GetProperty("url").GetString());
        Assert.Equal($"{CdnMediaApi.CdnBaseUrl}/media/{asset.StorageId}/160-contain.webp", urls.GetProperty("small").GetString());
    }
}
