using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.IntegrationTests.Articles;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Media;

/// <summary>Library pictures in stories: the hero image, <c>![alt](media:ID)</c> rendered on save with its reference rows, and the alt-text rule of publishing.</summary>
public abstract class ArticleMediaTests<TDatabase>(TDatabase database) : EditorialTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task An_inline_picture_is_rendered_to_its_rendition_url_with_its_size_and_recorded_as_a_reference()
    {
        var chart = await AddAsync(TestContent.MediaAsset("inline-chart.png", width: 2400, height: 1200));

        var article = await Editing.CreateAsync(Writer, Publishable("inline-render") with { Markdown = $"Intro.\n\n![Revenue by quarter](media:{chart.Id})" }, Cancel);

        var image = new HtmlParser().ParseDocument((await LoadAsync(article.Id)).Body!.Html).QuerySelector("img")!;
        Assert.Equal($"/media/{chart.StorageId}/1280-contain.webp", image.GetAttribute("src"));
        Assert.Equal(("Revenue by quarter", "1280", "640"), (image.GetAttribute("alt"), image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal([chart.Id], await ReferencesOfAsync(article.Id));
    }

    [Fact]
    public async Task The_global_id_the_api_gives_an_asset_works_as_well_as_its_number()
    {
        var photo = await AddAsync(TestContent.MediaAsset("inline-global-id.png", width: 800, height: 600));
        var globalId = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"MediaAsset:{photo.Id}"));

        var article = await Editing.CreateAsync(Writer, Publishable("inline-global-id") with { Markdown = $"![A trader](media:{globalId})" }, Cancel);

        var image = new HtmlParser().ParseDocument((await LoadAsync(article.Id)).Body!.Html).QuerySelector("img")!;
        Assert.Equal($"/media/{photo.StorageId}/1280-contain.webp", image.GetAttribute("src"));
        // Smaller than the column: shown at its own size, never enlarged.
        Assert.Equal(("800", "600"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal([photo.Id], await ReferencesOfAsync(article.Id));
    }

    [Fact]
    public async Task A_link_to_a_document_points_at_its_original()
    {
        var report = await AddAsync(TestContent.MediaAsset("annual report.pdf", MediaKind.Document));

        var article = await Editing.CreateAsync(Writer, Publishable("inline-document") with { Markdown = $"Read [the report](media:{report.Id})." }, Cancel);

        var link = new HtmlParser().ParseDocument((await LoadAsync(article.Id)).Body!.Html).QuerySelector("a")!;
        Assert.Equal($"/media/{report.StorageId}/annual%20report.pdf", link.GetAttribute("href"));
        Assert.Equal([report.Id], await ReferencesOfAsync(article.Id));
    }

    [Fact]
    public async Task Editing_the_body_keeps_the_reference_rows_in_step_with_it()
    {
        var first = await AddAsync(TestContent.MediaAsset("sync-first.png", altText: "First"));
        var second = await AddAsync(TestContent.MediaAsset("sync-second.png", altText: "Second"));
        var article = await Editing.CreateAsync(Writer, Publishable("inline-sync") with { Markdown = $"![One](media:{first.Id})\n\n![Two](media:{second.Id})" }, Cancel);
        Assert.Equal([first.Id, second.Id], await ReferencesOfAsync(article.Id));

        var updated = await Editing.UpdateAsync(Writer, article.Id, article.Version, Publishable("inline-sync") with { Markdown = $"![Two](media:{second.Id}) only." }, Cancel);
        Assert.Equal([second.Id], await ReferencesOfAsync(article.Id));

        await Editing.UpdateAsync(Writer, article.Id, updated.Version, Publishable("inline-sync") with { Markdown = "No pictures any more." }, Cancel);
        Assert.Empty(await ReferencesOfAsync(article.Id));
        Assert.DoesNotContain("<img", (await LoadAsync(article.Id)).Body!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_pictures_and_their_references()
    {
        var photo = await AddAsync(TestContent.MediaAsset("restore-photo.png", altText: "A photo"));
        var article = await Editing.CreateAsync(
            Writer, Publishable("inline-restore") with { Markdown = $"![A photo](media:{photo.Id})", HeroImageId = photo.Id }, Cancel);
        var cleared = await Editing.UpdateAsync(Writer, article.Id, article.Version, Publishable("inline-restore"), Cancel);
        Assert.Empty(await ReferencesOfAsync(article.Id));

        var restored = await Revisions.RestoreAsync(Writer, article.Id, 1, cleared.Version, Cancel);

        Assert.Equal(photo.Id, restored.HeroImageId);
        Assert.Equal([photo.Id], await ReferencesOfAsync(article.Id));
    }

    [Fact]
    public async Task An_unknown_or_malformed_media_id_is_a_validation_error_on_body_naming_it_and_saves_nothing()
    {
        var unknown = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(
            Writer, Publishable("inline-unknown") with { Markdown = "![Ghost](media:987654)" }, Cancel));
        var malformed = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(
            Writer, Publishable("inline-malformed") with { Markdown = "![Trick](media:javascript:alert(1))" }, Cancel));

        Assert.Contains("media:987654", unknown.FieldErrors["body"], StringComparison.Ordinal);
        Assert.Contains("media:javascript:alert(1)", malformed.FieldErrors["body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_an_unknown_media_id_leaves_the_body_and_its_references_as_they_were()
    {
        var photo = await AddAsync(TestContent.MediaAsset("unchanged-photo.png", altText: "Kept"));
        var article = await Editing.CreateAsync(Writer, Publishable("inline-unchanged") with { Markdown = $"![Kept](media:{photo.Id})" }, Cancel);

        await RefusedAsync(ErrorCode.Validation, () => Editing.UpdateAsync(
            Writer, article.Id, article.Version, Publishable("inline-unchanged") with { Markdown = "![Gone](media:987655)" }, Cancel));

        Assert.Equal([photo.Id], await ReferencesOfAsync(article.Id));
        Assert.Contains(photo.StorageId, (await LoadAsync(article.Id)).Body!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hero_image_must_be_an_existing_picture()
    {
        var video = await AddAsync(TestContent.MediaAsset("hero-video.mp4", MediaKind.Video));

        var missing = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, Publishable("hero-missing") with { HeroImageId = 987656 }, Cancel));
        var notPicture = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, Publishable("hero-video") with { HeroImageId = video.Id }, Cancel));

        Assert.Equal(["heroImageId"], missing.FieldErrors.Keys);
        Assert.Equal(["heroImageId"], notPicture.FieldErrors.Keys);
    }

    [Fact]
    public async Task The_hero_image_is_saved_with_the_stories_own_alt_text_and_caption()
    {
        var photo = await AddAsync(TestContent.MediaAsset("hero-saved.png"));

        var article = await Editing.CreateAsync(
            Writer, Publishable("hero-saved") with { HeroImageId = photo.Id, HeroImageAlt = "  The chief executive  ", HeroImageCaption = "At the results" }, Cancel);

        var stored = await LoadAsync(article.Id);
        Assert.Equal((photo.Id, "The chief executive", "At the results"), (stored.HeroImageId, stored.HeroImageAlt, stored.HeroImageCaption));
    }

    [Fact]
    public async Task Publishing_and_scheduling_refuse_a_hero_image_without_alt_text_anywhere()
    {
        var photo = await AddAsync(TestContent.MediaAsset("hero-no-alt.png"));
        var article = await Editing.CreateAsync(Writer, Publishable("hero-no-alt") with { HeroImageId = photo.Id }, Cancel);

        var publishing = await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, article.Id, article.Version, Cancel));
        var scheduling = await RefusedAsync(ErrorCode.Validation, () => Publishing.ScheduleAsync(Editor, article.Id, article.Version, TestContent.Now.AddHours(2), Cancel));

        Assert.Equal(["heroImageAlt"], publishing.FieldErrors.Keys);
        Assert.Equal(["heroImageAlt"], scheduling.FieldErrors.Keys);
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(article.Id)).Status);
    }

    [Fact]
    public async Task A_hero_image_is_described_by_the_story_or_by_the_library()
    {
        var described = await AddAsync(TestContent.MediaAsset("hero-described.png", altText: "The trading floor"));
        var bare = await AddAsync(TestContent.MediaAsset("hero-bare.png"));
        var byLibrary = await Editing.CreateAsync(Writer, Publishable("hero-by-library") with { HeroImageId = described.Id }, Cancel);
        var byStory = await Editing.CreateAsync(Writer, Publishable("hero-by-story") with { HeroImageId = bare.Id, HeroImageAlt = "An empty office" }, Cancel);

        Assert.Equal(ArticleStatus.Published, (await Publishing.PublishAsync(Editor, byLibrary.Id, byLibrary.Version, Cancel)).Status);
        Assert.Equal(ArticleStatus.Published, (await Publishing.PublishAsync(Editor, byStory.Id, byStory.Version, Cancel)).Status);
    }

    [Fact]
    public async Task Publishing_refuses_an_inline_picture_with_empty_markdown_alt_and_no_library_alt_on_body()
    {
        var bare = await AddAsync(TestContent.MediaAsset("inline-no-alt.png"));
        var described = await AddAsync(TestContent.MediaAsset("inline-library-alt.png", altText: "A chart"));
        var article = await Editing.CreateAsync(
            Writer, Publishable("inline-no-alt") with { Markdown = $"![](media:{described.Id})\n\n![ ](media:{bare.Id})" }, Cancel);

        var publishing = await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, article.Id, article.Version, Cancel));
        var scheduling = await RefusedAsync(ErrorCode.Validation, () => Publishing.ScheduleAsync(Editor, article.Id, article.Version, TestContent.Now.AddHours(2), Cancel));

        Assert.Equal(["body"], publishing.FieldErrors.Keys);
        Assert.Contains($"media:{bare.Id}", publishing.FieldErrors["body"], StringComparison.Ordinal);
        Assert.DoesNotContain($"media:{described.Id}", publishing.FieldErrors["body"], StringComparison.Ordinal);
        Assert.Equal(["body"], scheduling.FieldErrors.Keys);

        var fixedUp = await Editing.UpdateAsync(
            Writer, article.Id, article.Version, Publishable("inline-no-alt") with { Markdown = $"![](media:{described.Id})\n\n![A bare desk](media:{bare.Id})" }, Cancel);
        Assert.Equal(ArticleStatus.Published, (await Publishing.PublishAsync(Editor, fixedUp.Id, fixedUp.Version, Cancel)).Status);
    }

    [Fact]
    public async Task A_live_story_cannot_be_saved_with_an_undescribed_picture()
    {
        var bare = await AddAsync(TestContent.MediaAsset("live-no-alt.png"));
        var live = await CreatePublishedAsync("live-no-alt");

        var error = await RefusedAsync(ErrorCode.Validation, () => Editing.UpdateAsync(
            Editor, live.Id, live.Version, Publishable("live-no-alt") with { Markdown = $"![](media:{bare.Id})" }, Cancel));

        Assert.Equal(["body"], error.FieldErrors.Keys);
        Assert.Empty(await ReferencesOfAsync(live.Id));
    }

    private async Task<MediaAsset> AddAsync(MediaAsset asset)
    {
        await Database.Contexts.SaveAsync(asset);
        return asset;
    }

    private async Task<List<int>> ReferencesOfAsync(int articleId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.ArticleMediaReferences.Where(r => r.ArticleId == articleId).Select(r => r.MediaAssetId).Order().ToListAsync(Cancel);
    }
}

public sealed class SqliteArticleMediaTests(SqliteTestDatabase database) : ArticleMediaTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticleMediaTests(PostgreSqlTestDatabase database) : ArticleMediaTests<PostgreSqlTestDatabase>(database);
