using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Http;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Media;

/// <summary>
/// Uploads through the real server as Apollo's upload client sends them: multipart/form-data with `operations`,
/// `map`, then the file, and the preflight header.
/// </summary>
public abstract class UploadApiTests(NewsCmsApiFactory api)
{
    private const string UploadMutation =
        "mutation Upload($file: Upload!, $alt: String) { uploadMedia(file: $file, alt: $alt) { id kind contentType width height altText fileName sizeBytes sha256 } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_upload_an_image_and_read_it_back_by_id()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var jpeg = TestMediaFiles.Jpeg(1200, 800, Guid.NewGuid().ToString(), withExif: true);

        var (status, result) = await PostAsync(writer, Multipart(UploadMutation, jpeg, "Front page.jpg", "image/jpeg", alt: "The trading floor"));

        Assert.Equal(HttpStatusCode.OK, status);
        var asset = result.GetProperty("data").GetProperty("uploadMedia");
        Assert.Equal(("IMAGE", "image/jpeg", 1200, 800, "The trading floor", "Front page.jpg"), (
            asset.GetProperty("kind").GetString(), asset.GetProperty("contentType").GetString(), asset.GetProperty("width").GetInt32(),
            asset.GetProperty("height").GetInt32(), asset.GetProperty("altText").GetString(), asset.GetProperty("fileName").GetString()));
        var read = await writer.DataAsync("query ($id: ID!) { mediaAsset(id: $id) { sha256 sizeBytes } }", new { id = asset.GetProperty("id").GetString() });
        Assert.Equal(asset.GetProperty("sha256").GetString(), read.GetProperty("mediaAsset").GetProperty("sha256").GetString());
        var library = api.Services.GetRequiredService<MediaLibrary>();
        var stored = await library.FindByIdsAsync([Relay(asset)], Cancel);
        await using var blob = await api.Services.GetRequiredService<IMediaStore>().OpenReadAsync(MediaKeys.OriginalOf(stored.Values.Single().StorageId), Cancel);
        Assert.Equal(asset.GetProperty("sizeBytes").GetInt64(), blob!.Length);
        await AssertTempUploadsDeletedAsync();
    }

    [Fact]
    public async Task Bytes_that_are_not_an_accepted_type_or_disagree_with_the_declared_type_are_VALIDATION_errors()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var (_, markup) = await PostAsync(writer, Multipart(UploadMutation, svg, "logo.svg", "image/svg+xml"));
        var (_, mismatch) = await PostAsync(writer, Multipart(UploadMutation, TestMediaFiles.Png(4, 4, Guid.NewGuid().ToString()), "chart.png", "image/jpeg"));

        Assert.Equal(["VALIDATION"], markup.ErrorCodes());
        Assert.Contains("can carry scripts", markup.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["VALIDATION"], mismatch.ErrorCodes());
        Assert.Equal("file", mismatch.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Single().Name);
        await AssertTempUploadsDeletedAsync();
    }

    [Fact]
    public async Task A_file_written_into_the_document_or_the_json_variables_is_refused_before_anything_runs()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        var literal = await writer.QueryAsync("mutation { uploadMedia(file: \"aGVsbG8=\") { id } }");
        var variable = await writer.QueryAsync(UploadMutation, new { file = "aGVsbG8=" });

        Assert.False(literal.TryGetProperty("data", out _));
        Assert.False(variable.TryGetProperty("data", out _));
        // A literal fails GraphQL's own argument validation; a JSON value fails our scalar, with the field named.
        Assert.Equal(["ARGUMENTS_OF_CORRECT_TYPE"], literal.ErrorCodes());
        Assert.Equal(["VALIDATION"], variable.ErrorCodes());
        Assert.Equal(UploadGraphType.NotAFileMessage, variable.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").GetProperty("file").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_before_the_body_is_read()
    {
        using var anonymous = api.CreateClientOrSkip();

        var (status, result) = await PostAsync(anonymous, Multipart(UploadMutation, TestMediaFiles.Gif(1, 1), "a.gif", "image/gif"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(["UNAUTHENTICATED"], result.ErrorCodes());
    }

    [Fact]
    public async Task Multipart_without_a_preflight_header_is_refused_because_a_cross_site_form_could_send_it()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        var (status, result) = await PostAsync(writer, Multipart(UploadMutation, TestMediaFiles.Gif(1, 1), "a.gif", "image/gif", preflight: false));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("GraphQL-Preflight", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"query\": ", "{\"0\": [\"variables.file\"]}", "'operations' part is not valid JSON")]
    [InlineData("[{\"query\": \"{ __typename }\"}]", "{\"0\": [\"variables.file\"]}", "Batched operations are not supported")]
    [InlineData(null, "{\"0\": [\"file\"]}", "paths start with 'variables.'")]
    [InlineData(null, "{\"0\": [\"variables.other\"]}", "no such variable")]
    [InlineData(null, "{\"1\": [\"variables.file\"]}", "not named in 'map'")]
    public async Task Malformed_operations_or_map_get_400_with_a_clear_message(string? operations, string map, string message)
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        operations ??= JsonSerializer.Serialize(new { query = UploadMutation, variables = new { file = (string?)null } });

        var (status, result) = await PostAsync(writer, Multipart(operations, map, TestMediaFiles.Gif(1, 1), "a.gif", "image/gif"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertTempUploadsDeletedAsync();
    }

    [Fact]
    public async Task Bodies_over_the_multipart_bound_get_413()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var content = Multipart(UploadMutation, TestMediaFiles.Mp4Bytes(1_000), "clip.mp4", "video/mp4");
        content.Headers.ContentLength = 10L * 1024 * 1024 * 1024;

        var (status, result) = await PostAsync(writer, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_its_kind_limit_is_a_VALIDATION_error_that_stores_nothing()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var limit = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.MaxImageBytes;
        var png = TestMediaFiles.Png(10, 10, salt: new string('p', (int)limit));

        var (status, result) = await PostAsync(writer, Multipart(UploadMutation, png, "huge.png", "image/png"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        Assert.Contains("limit for images", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertTempUploadsDeletedAsync();
    }

    [Fact]
    public async Task Mutations_over_GET_are_still_refused()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        using var response = await writer.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { uploadMedia(file: null) { id } }"), Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static int Relay(JsonElement asset) => NewsCms.GraphQL.Relay.GlobalId.IdOf(asset.GetProperty("id").GetString(), "MediaAsset")!.Value;

    /// <summary>
    /// Each request deletes its temporary files when it ends, which is just after the client has the response; other
    /// test classes upload in parallel, so the folder is watched until it has none.
    /// </summary>
    private static async Task AssertTempUploadsDeletedAsync()
    {
        for (var attempt = 0; attempt < 100 && Directory.GetFiles(Path.GetTempPath(), "newscms-upload-*.tmp").Length > 0; attempt++)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "newscms-upload-*.tmp"));
    }

    private static MultipartFormDataContent Multipart(string query, byte[] file, string fileName, string contentType, string? alt = null, bool preflight = true)
    {
        var content = Multipart(
            JsonSerializer.Serialize(new { query, variables = new { file = (string?)null, alt } }), "{\"0\": [\"variables.file\"]}", file, fileName, contentType);
        if (!preflight)
        {
            content.Headers.Remove(PreflightMarker);
        }

        return content;
    }

    private const string PreflightMarker = "X-Test-Preflight";

    private static MultipartFormDataContent Multipart(string operations, string map, byte[] file, string fileName, string contentType)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(operations), "operations" },
            { new StringContent(map), "map" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "0", fileName);
        content.Headers.Add(PreflightMarker, "1");
        return content;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Result)> PostAsync(HttpClient client, MultipartFormDataContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (content.Headers.Contains(PreflightMarker))
        {
            request.Headers.Add("GraphQL-Preflight", "1");
        }

        using var response = await client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}

public sealed class SqliteUploadApiTests(SqliteUploadApi api) : UploadApiTests(api), IClassFixture<SqliteUploadApi>;

public sealed class PostgreSqlUploadApiTests(PostgreSqlUploadApi api) : UploadApiTests(api), IClassFixture<PostgreSqlUploadApi>;

/// <summary>The server with its media folder in a temporary directory of its own.</summary>
public sealed class SqliteUploadApi() : NewsCmsApiFactory(new NewsCms.Testing.Databases.SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => UploadApiSettings.For(this);
}

public sealed class PostgreSqlUploadApi() : NewsCmsApiFactory(new NewsCms.Testing.Databases.PostgreSqlTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => UploadApiSettings.For(this);
}

internal static class UploadApiSettings
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NewsCmsApiFactory, string> Roots = [];

    public static IReadOnlyDictionary<string, string?> For(NewsCmsApiFactory api) => new Dictionary<string, string?>
    {
        ["NewsCms:Media:FileSystem:RootPath"] = Roots.GetValue(api, _ => Directory.CreateTempSubdirectory("newscms-api-media-").FullName),
        ["NewsCms:Media:MaxImageBytes"] = "200000",
    };
}
