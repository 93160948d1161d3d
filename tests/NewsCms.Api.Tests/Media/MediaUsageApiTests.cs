using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Relay;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Media;

/// <summary>
/// Library pictures over HTTP: hero images, pictures in bodies, logos and portraits in the public shapes, and the
/// staff's library (browsing, describing, deleting) with the error codes a tool branches on.
/// </summary>
public abstract class MediaUsageApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string AssetType = "MediaAsset";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hero_image_shows_with_the_storys_alt_text_and_the_librarys_caption_to_staff_and_readers()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var photo = await AddAsync("api-hero.png", asset => (asset.AltText, asset.Caption, asset.Credit) = ("Library alt", "Library caption", "Photo: Desk"));
        var refs = await ReferencesAsync(reader);

        var created = (await editor.DataAsync(
            """
            mutation($input: ArticleInput!) { createArticle(input: $input) {
              id version heroImageAlt heroImageCaption heroImage { altText caption asset { id kind width height credit } } } }
            """,
            new { input = Publishable("api-hero-story", refs) with { HeroImageId = Id(photo), HeroImageAlt = "The story's alt" } })).GetProperty("createArticle");
        var published = (await editor.DataAsync(
            "mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status } }", new { id = created.GetProperty("id").GetString() })).GetProperty("publishArticle");
        var hero = (await reader.DataAsync("""{ article(slug: "api-hero-story") { heroImage { altText caption asset { id kind width height credit } } } }"""))
            .GetProperty("article").GetProperty("heroImage");

        Assert.Equal(("The story's alt", JsonValueKind.Null), (created.GetProperty("heroImageAlt").GetString(), created.GetProperty("heroImageCaption").ValueKind));
        Assert.Equal("PUBLISHED", published.GetProperty("status").GetString());
        foreach (var shown in new[] { created.GetProperty("heroImage"), hero })
        {
            Assert.Equal(("The story's alt", "Library caption"), (shown.GetProperty("altText").GetString(), shown.GetProperty("caption").GetString()));
            var asset = shown.GetProperty("asset");
            Assert.Equal((Id(photo), "IMAGE", 2000, 1000, "Photo: Desk"), (asset.GetProperty("id").GetString(), asset.GetProperty("kind").GetString(), asset.GetProperty("width").GetInt32(), asset.GetProperty("height").GetInt32(), asset.GetProperty("credit").GetString()));
        }
    }

    [Fact]
    public async Task Node_finds_a_library_asset_for_staff_and_nothing_for_readers()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var reader = api.CreateClientOrSkip();
        var photo = await AddAsync("api-node.png");
        const string Node = "query($id: ID!) { node(id: $id) { id __typename } }";

        var forStaff = (await writer.DataAsync(Node, new { id = Id(photo) })).GetProperty("node");
        var forReader = (await reader.DataAsync(Node, new { id = Id(photo) })).GetProperty("node");

        Assert.Equal((Id(photo), AssetType), (forStaff.GetProperty("id").GetString(), forStaff.GetProperty("__typename").GetString()));
        Assert.Equal(JsonValueKind.Null, forReader.ValueKind);
    }

    [Fact]
    public async Task A_hero_image_that_is_no_picture_or_lacks_alt_text_is_a_validation_error_on_its_field()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var refs = await ReferencesAsync(editor);
        var video = await AddAsync("api-hero.mp4", asset => asset.Kind = MediaKind.Video);
        var bare = await AddAsync("api-hero-bare.png");
        const string Create = "mutation($input: ArticleInput!) { createArticle(input: $input) { id } }";

        var notPicture = await editor.QueryAsync(Create, new { input = Publishable("api-hero-video", refs) with { HeroImageId = Id(video) } });
        var wrongKind = await editor.QueryAsync(Create, new { input = Publishable("api-hero-wrong-kind", refs) with { HeroImageId = refs.Technology } });
        var draft = (await editor.DataAsync(Create, new { input = Publishable("api-hero-no-alt", refs) with { HeroImageId = Id(bare) } })).GetProperty("createArticle");
        var publishing = await editor.QueryAsync("mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status } }", new { id = draft.GetProperty("id").GetString() });

        Assert.Equal(["heroImageId"], FieldsOf(notPicture));
        Assert.Equal(["heroImageId"], FieldsOf(wrongKind));
        Assert.Equal(["heroImageAlt"], FieldsOf(publishing));
    }

    [Fact]
    public async Task A_picture_in_the_body_is_rendered_to_its_url_and_an_unknown_one_is_refused_on_body()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var refs = await ReferencesAsync(writer);
        var chart = await AddAsync("api-inline.png", asset => asset.AltText = "A chart");
        const string Create = "mutation($input: ArticleInput!) { createArticle(input: $input) { html } }";

        var html = (await writer.DataAsync(Create, new { input = Publishable("api-inline", refs) with { Body = $"Look:\n\n![Revenue]({"media:" + Id(chart)})" } }))
            .GetProperty("createArticle").GetProperty("html").GetString();
        var unknown = await writer.QueryAsync(Create, new { input = Publishable("api-inline-unknown", refs) with { Body = "![Ghost](media:999999)" } });

        Assert.Contains($"<img src=\"/media/{chart.StorageId}/1280-contain.webp\" alt=\"Revenue\" width=\"1280\" height=\"640\">", html, StringComparison.Ordinal);
        Assert.Equal(["body"], FieldsOf(unknown));
        Assert.Contains("media:999999", unknown.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sponsors_show_their_logo_and_authors_their_portrait_to_readers()
    {
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var logo = await AddAsync("api-logo.png", asset => asset.AltText = "Logo Bank");
        var portrait = await AddAsync("api-portrait.png", asset => asset.AltText = "Ann Author");
        var document = await AddAsync("api-logo.pdf", asset => asset.Kind = MediaKind.Document);

        await partnerships.DataAsync(
            "mutation($logo: ID) { createSponsor(input: { name: \"Logo Bank\", tier: GOLD, displayOrder: 0, logoId: $logo }) { id } }", new { logo = Id(logo) });
        await editor.DataAsync(
            "mutation($avatar: ID) { createAuthor(input: { name: \"Ann Portrait\", avatarId: $avatar }) { id } }", new { avatar = Id(portrait) });
        var wrong = await partnerships.QueryAsync(
            "mutation($logo: ID) { createSponsor(input: { name: \"PDF Bank\", tier: GOLD, displayOrder: 0, logoId: $logo }) { id } }", new { logo = Id(document) });
        var read = await reader.DataAsync("""{ sponsors { slug logo { id altText } } author(slug: "ann-portrait") { avatar { id altText } } }""");

        var sponsor = read.GetProperty("sponsors").EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "logo-bank");
        Assert.Equal((Id(logo), "Logo Bank"), (sponsor.GetProperty("logo").GetProperty("id").GetString(), sponsor.GetProperty("logo").GetProperty("altText").GetString()));
        var avatar = read.GetProperty("author").GetProperty("avatar");
        Assert.Equal((Id(portrait), "Ann Author"), (avatar.GetProperty("id").GetString(), avatar.GetProperty("altText").GetString()));
        Assert.Equal(["logoId"], FieldsOf(wrong));
    }

    [Fact]
    public async Task Staff_browse_the_library_by_search_and_type_in_pages_and_readers_may_not()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var reader = api.CreateClientOrSkip();
        var older = await AddAsync("api-browse-one.png", asset => asset.UploadedAt = TestContent.Now.AddMinutes(-2));
        var newer = await AddAsync("api-browse-two.png", asset => (asset.UploadedAt, asset.Caption) = (TestContent.Now.AddMinutes(-1), "Browse"));
        var pdf = await AddAsync("api-browse.pdf", asset => asset.Kind = MediaKind.Document);
        const string Browse = """
            query($after: String, $type: MediaKind) { mediaAssets(first: 1, after: $after, search: "API-BROWSE", type: $type) {
              edges { cursor node { id fileName uploadedAt version } } pageInfo { hasNextPage endCursor } } }
            """;

        var first = (await writer.DataAsync(Browse, new { type = "IMAGE" })).GetProperty("mediaAssets");
        var second = (await writer.DataAsync(Browse, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString(), type = "IMAGE" })).GetProperty("mediaAssets");
        var documents = (await writer.DataAsync(Browse, new { type = "DOCUMENT" })).GetProperty("mediaAssets");
        var one = (await writer.DataAsync("query($id: ID!) { mediaAsset(id: $id) { fileName version } }", new { id = Id(pdf) })).GetProperty("mediaAsset");

        Assert.Equal([Id(newer)], Nodes(first).Select(n => n.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([Id(older)], Nodes(second).Select(n => n.GetProperty("id").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["api-browse.pdf"], Nodes(documents).Select(n => n.GetProperty("fileName").GetString()));
        Assert.Equal(("api-browse.pdf", 1), (one.GetProperty("fileName").GetString(), one.GetProperty("version").GetInt32()));
        Assert.Equal(["UNAUTHENTICATED"], await reader.ErrorCodesAsync("{ mediaAssets { nodes { id } } }"));
        Assert.Equal(["UNAUTHENTICATED"], await reader.ErrorCodesAsync("query($id: ID!) { mediaAsset(id: $id) { id } }", new { id = Id(pdf) }));
    }

    [Fact]
    public async Task Staff_describe_assets_with_versions_and_focal_points_in_range()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var asset = await AddAsync("api-describe.png");
        const string Update = """
            mutation($id: ID!, $version: Int!, $x: Float) { updateMediaAsset(id: $id, expectedVersion: $version, altText: "A trader", caption: "On the floor",
              credit: "Photo: Jo", focalPointX: $x, focalPointY: 0.25) { altText caption credit focalPointX focalPointY version } }
            """;

        var notOwn = await writer.QueryAsync(Update, new { id = Id(asset), version = 1, x = 0.5 });
        var outOfRange = await editor.QueryAsync(Update, new { id = Id(asset), version = 1, x = 1.5 });
        var updated = (await editor.DataAsync(Update, new { id = Id(asset), version = 1, x = 0.75 })).GetProperty("updateMediaAsset");
        var stale = await editor.QueryAsync(Update, new { id = Id(asset), version = 1, x = 0.5 });

        Assert.Equal(["FORBIDDEN"], notOwn.ErrorCodes());
        Assert.Equal(["focalPointX"], FieldsOf(outOfRange));
        Assert.Equal(("A trader", "On the floor", "Photo: Jo", 0.75, 0.25, 2),
            (updated.GetProperty("altText").GetString(), updated.GetProperty("caption").GetString(), updated.GetProperty("credit").GetString(),
             updated.GetProperty("focalPointX").GetDouble(), updated.GetProperty("focalPointY").GetDouble(), updated.GetProperty("version").GetInt32()));
        Assert.Equal(["CONFLICT"], stale.ErrorCodes());
        Assert.Equal(2, stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32());
    }

    [Fact]
    public async Task Deleting_an_asset_in_use_lists_its_users_by_global_id_and_an_unused_one_goes_with_its_blobs()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var refs = await ReferencesAsync(editor);
        var used = await AddAsync("api-delete-used.png", asset => asset.AltText = "Used");
        var unused = await AddAsync("api-delete-unused.png");
        var store = api.Services.GetRequiredService<IMediaStore>();
        await WriteBlobAsync(store, MediaKeys.OriginalOf(unused.StorageId));
        await WriteBlobAsync(store, MediaKeys.RenditionOf(unused.StorageId, "1280-contain.webp"));
        var story = (await editor.DataAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { id title } }",
            new { input = Publishable("api-delete-user", refs) with { HeroImageId = Id(used), Body = $"![Again](media:{used.Id})" } })).GetProperty("createArticle");
        var author = (await editor.DataAsync(
            "mutation($avatar: ID) { createAuthor(input: { name: \"Deleted Avatar User\", avatarId: $avatar }) { id } }", new { avatar = Id(used) })).GetProperty("createAuthor");
        const string Delete = "mutation($id: ID!) { deleteMediaAsset(id: $id, expectedVersion: 1) }";

        var refused = await editor.QueryAsync(Delete, new { id = Id(used) });
        var byWriter = await writer.QueryAsync(Delete, new { id = Id(unused) });
        var deleted = (await editor.DataAsync(Delete, new { id = Id(unused) })).GetProperty("deleteMediaAsset").GetString();

        Assert.Equal(["CONFLICT"], refused.ErrorCodes());
        var usedBy = refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("usedBy").EnumerateArray()
            .Select(u => (u.GetProperty("kind").GetString(), u.GetProperty("id").GetString(), u.GetProperty("name").GetString()));
        var storyId = story.GetProperty("id").GetString();
        var title = story.GetProperty("title").GetString();
        Assert.Equal([("heroImage", storyId, title), ("inlineImage", storyId, title), ("authorAvatar", author.GetProperty("id").GetString(), "Deleted Avatar User")], usedBy);
        Assert.Equal(["FORBIDDEN"], byWriter.ErrorCodes());
        Assert.Equal(Id(unused), deleted);
        Assert.Equal(JsonValueKind.Null, (await editor.DataAsync("query($id: ID!) { mediaAsset(id: $id) { id } }", new { id = Id(unused) })).GetProperty("mediaAsset").ValueKind);
        Assert.False(await store.ExistsAsync(MediaKeys.OriginalOf(unused.StorageId), Cancel));
        Assert.False(await store.ExistsAsync(MediaKeys.RenditionOf(unused.StorageId, "1280-contain.webp"), Cancel));
        Assert.Equal(JsonValueKind.Object, (await editor.DataAsync("query($id: ID!) { mediaAsset(id: $id) { id } }", new { id = Id(used) })).GetProperty("mediaAsset").ValueKind);
    }

    [Fact]
    public async Task Hero_images_logos_and_portraits_on_a_page_of_100_cost_the_same_statements_as_on_a_page_of_20()
    {
        using var reader = api.CreateClientOrSkip();
        var pictures = new[] { await AddAsync("api-cost-1.png"), await AddAsync("api-cost-2.png"), await AddAsync("api-cost-3.png") };
        HashSet<string> changed;
        await using (var db = await api.Database.Contexts.CreateDbContextAsync(Cancel))
        {
            var stories = await db.Articles.Where(a => a.Slug.StartsWith("story-")).ToListAsync(Cancel);
            changed = stories.Select(s => GlobalId.Encode("Article", s.Id)).ToHashSet(StringComparer.Ordinal);
            foreach (var (story, index) in stories.Select((s, i) => (s, i)))
            {
                story.HeroImageId = pictures[index % pictures.Length].Id;
            }

            foreach (var (author, index) in (await db.Authors.ToListAsync(Cancel)).Select((a, i) => (a, i)))
            {
                author.AvatarMediaId = pictures[index % pictures.Length].Id;
            }

            await db.SaveChangesAsync(Cancel);
        }

        const string Page = """
            query($first: Int!) { articles(first: $first) { nodes { id heroImage { altText caption asset { id width height } }
              authors { name avatar { id } } sponsor { name logo { id } } } } }
            """;
        await reader.DataAsync(Page, new { first = 1 });

        api.Sql.Reset();
        await reader.DataAsync(Page, new { first = 20 });
        var small = api.Sql.Count;
        api.Sql.Reset();
        var large = await reader.DataAsync(Page, new { first = 100 });

        Assert.Equal(small, api.Sql.Count);
        Assert.Equal(100, large.GetProperty("articles").GetProperty("nodes").GetArrayLength());
        // Other tests of this class give other stories other pictures: judge only the stories changed here.
        var heroes = large.GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Where(n => changed.Contains(n.GetProperty("id").GetString()!))
            .Select(n => n.GetProperty("heroImage"))
            .Where(h => h.ValueKind == JsonValueKind.Object)
            .Select(h => h.GetProperty("asset").GetProperty("id").GetString())
            .ToList();
        Assert.InRange(heroes.Count, 80, 100);
        Assert.Equal(pictures.Select(Id).Order(StringComparer.Ordinal), heroes.Distinct().Order(StringComparer.Ordinal));
    }

    private static string Id(MediaAsset asset) => GlobalId.Encode(AssetType, asset.Id);

    private async Task<MediaAsset> AddAsync(string fileName, Action<MediaAsset>? change = null)
    {
        var asset = TestContent.MediaAsset(fileName);
        change?.Invoke(asset);
        await api.Database.Contexts.SaveAsync(asset);
        return asset;
    }

    private static async Task WriteBlobAsync(IMediaStore store, string key)
    {
        using var bytes = new MemoryStream([1, 2, 3]);
        await store.WriteAsync(key, bytes, "application/octet-stream", Cancel);
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));

    private static IEnumerable<string> FieldsOf(JsonElement result)
    {
        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        return result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal);
    }

    private static ArticleFields Publishable(string slug, References refs) =>
        new($"Title of {slug}", "A summary.", slug, refs.Technology, [refs.Author], "Text.", null, null);

    private static async Task<References> ReferencesAsync(HttpClient client)
    {
        var data = await client.DataAsync("""{ section(slug: "technology") { id } author(slug: "author-0") { id } }""");
        return new References(data.GetProperty("section").GetProperty("id").GetString()!, data.GetProperty("author").GetProperty("id").GetString()!);
    }

    private sealed record References(string Technology, string Author);

    /// <summary>An ArticleInput; sent camel-cased, as every request body is.</summary>
    private sealed record ArticleFields(string Title, string Summary, string Slug, string SectionId, string[] AuthorIds, string Body, string? HeroImageId, string? HeroImageAlt);
}

public sealed class SqliteMediaUsageApiTests(SqliteApi api) : MediaUsageApiTests<SqliteApi>(api);

public sealed class PostgreSqlMediaUsageApiTests(PostgreSqlApi api) : MediaUsageApiTests<PostgreSqlApi>(api);
