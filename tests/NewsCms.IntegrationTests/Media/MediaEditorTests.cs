using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Media;

/// <summary>
/// Managing the library: describing assets, deleting the unused ones with their blobs, refusing to delete one in
/// use, browsing with search, kind and pages; and pictures as sponsor logos and author portraits.
/// </summary>
public abstract class MediaEditorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly StaffActor OwnWriter = new(3, "writer@newscms.test", new HashSet<string> { StaffRoles.Writer });
    private readonly string storeRoot = Path.Combine(Path.GetTempPath(), "newscms-media-tests-" + Guid.NewGuid().ToString("N"));
    private FileSystemMediaStore store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private MediaEditor Editor => new(database.Contexts, store, new FakeTimeProvider(TestContent.Now));

    private MediaLibrary Library => new(database.Contexts);

    public ValueTask InitializeAsync()
    {
        database.RequireAvailable();
        store = new FileSystemMediaStore(storeRoot);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Directory.Exists(storeRoot))
        {
            Directory.Delete(storeRoot, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_uploader_describes_their_own_asset_and_the_change_is_versioned_and_audited()
    {
        var asset = await AddAsync(TestContent.MediaAsset("describe-own.png", uploadedBy: OwnWriter.UserId));

        var updated = await Editor.UpdateAsync(OwnWriter, asset.Id, 1, new MediaAssetDescription(" A trader ", "On the floor", "Photo: Jo", 0.25, 1), Cancel);

        Assert.Equal(("A trader", "On the floor", "Photo: Jo", 0.25, 1.0, 2), (updated.AltText, updated.Caption, updated.Credit, updated.FocalPointX, updated.FocalPointY, updated.Version));
        var stored = await LoadAsync(asset.Id);
        Assert.Equal(("A trader", 0.25, 2), (stored!.AltText, stored.FocalPointX, stored.Version));
        Assert.Equal([("updateMediaAsset", (int?)OwnWriter.UserId)], await database.AuditOf(MediaEditor.EntityType, asset.Id));
    }

    [Fact]
    public async Task An_omitted_focal_point_stays_and_omitted_texts_are_cleared()
    {
        var asset = await AddAsync(TestContent.MediaAsset("describe-partial.png", altText: "Before"));
        var moved = await Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription("Alt", null, null, 0.1, 0.9), Cancel);

        var updated = await Editor.UpdateAsync(TestActors.Editor, asset.Id, moved.Version, new MediaAssetDescription(null, "Caption only", null), Cancel);

        Assert.Equal((null, "Caption only", 0.1, 0.9), (updated.AltText, updated.Caption, updated.FocalPointX, updated.FocalPointY));
    }

    [Fact]
    public async Task Alt_text_that_live_stories_rely_on_cannot_be_cleared_but_can_be_changed()
    {
        var asset = await AddAsync(TestContent.MediaAsset("live-alt.png", altText: "The trading floor"));
        var liveHero = TestContent.Article("live-alt-hero", TestContent.Now.AddDays(-1));
        liveHero.HeroImageId = asset.Id;
        var draftHero = TestContent.Article("live-alt-draft", null, status: ArticleStatus.Draft);
        draftHero.HeroImageId = asset.Id;
        await database.Contexts.SaveAsync(liveHero, draftHero);

        var error = await FailsWith(ErrorCode.Validation, () => Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription(null, null, null), Cancel));

        Assert.Contains(liveHero.Title, error.FieldErrors["altText"], StringComparison.Ordinal);
        Assert.DoesNotContain(draftHero.Title, error.FieldErrors["altText"], StringComparison.Ordinal);
        Assert.Equal(("The trading floor", 1), ((await LoadAsync(asset.Id))!.AltText, (await LoadAsync(asset.Id))!.Version));
        var changed = await Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription("A busy trading floor", null, null), Cancel);
        Assert.Equal("A busy trading floor", changed.AltText);
    }

    [Fact]
    public async Task A_story_with_its_own_alt_text_does_not_hold_the_assets()
    {
        var asset = await AddAsync(TestContent.MediaAsset("own-alt.png", altText: "Asset alt"));
        var story = TestContent.Article("own-alt-hero", TestContent.Now.AddDays(-1));
        story.HeroImageId = asset.Id;
        story.HeroImageAlt = "The story's own alt";
        await database.Contexts.SaveAsync(story);

        var cleared = await Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription(null, null, null), Cancel);

        Assert.Null(cleared.AltText);
    }

    [Fact]
    public async Task Describing_someone_elses_upload_needs_ManageMedia()
    {
        var asset = await AddAsync(TestContent.MediaAsset("describe-other.png", uploadedBy: 999));

        await FailsWith(ErrorCode.Forbidden, () => Editor.UpdateAsync(OwnWriter, asset.Id, 1, new MediaAssetDescription("Mine now", null, null), Cancel));
        var byEditor = await Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription("By the desk", null, null), Cancel);

        Assert.Equal("By the desk", byEditor.AltText);
    }

    [Fact]
    public async Task A_focal_point_outside_zero_to_one_is_refused_field_by_field_and_nothing_changes()
    {
        var asset = await AddAsync(TestContent.MediaAsset("focal-out.png", altText: "Kept"));

        var error = await FailsWith(ErrorCode.Validation, () => Editor.UpdateAsync(
            TestActors.Editor, asset.Id, 1, new MediaAssetDescription("Changed", null, null, -0.1, 1.5), Cancel));

        Assert.Equal(["focalPointX", "focalPointY"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
        var stored = await LoadAsync(asset.Id);
        Assert.Equal(("Kept", 0.5, 1), (stored!.AltText, stored.FocalPointX, stored.Version));
        Assert.Empty(await database.AuditOf(MediaEditor.EntityType, asset.Id));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_current_one()
    {
        var asset = await AddAsync(TestContent.MediaAsset("stale-version.png"));
        await Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription("First", null, null), Cancel);

        var update = await FailsWith(ErrorCode.Conflict, () => Editor.UpdateAsync(TestActors.Editor, asset.Id, 1, new MediaAssetDescription("Second", null, null), Cancel));
        var delete = await FailsWith(ErrorCode.Conflict, () => Editor.DeleteAsync(TestActors.Editor, asset.Id, 1, Cancel));

        Assert.Equal(2, update.Details["currentVersion"]);
        Assert.Equal(2, delete.Details["currentVersion"]);
        Assert.Equal("First", (await LoadAsync(asset.Id))!.AltText);
    }

    [Fact]
    public async Task Deleting_an_unused_asset_removes_its_row_and_every_blob_of_its_folder_and_audits()
    {
        var asset = await AddAsync(TestContent.MediaAsset("delete-unused.png"));
        var neighbour = await AddAsync(TestContent.MediaAsset("delete-neighbour.png"));
        await WriteBlobAsync(MediaKeys.OriginalOf(asset.StorageId));
        await WriteBlobAsync(MediaKeys.RenditionOf(asset.StorageId, "1280-contain.webp"));
        await WriteBlobAsync(MediaKeys.RenditionOf(asset.StorageId, "640x360-cover-50-50.jpg"));
        await WriteBlobAsync(MediaKeys.OriginalOf(neighbour.StorageId));

        await Editor.DeleteAsync(TestActors.Editor, asset.Id, 1, Cancel);

        Assert.Null(await LoadAsync(asset.Id));
        Assert.Empty(await KeysAsync(MediaKeys.FolderOf(asset.StorageId)));
        Assert.False(Directory.Exists(Path.Combine(storeRoot, "assets", asset.StorageId)));
        Assert.Equal([MediaKeys.OriginalOf(neighbour.StorageId)], await KeysAsync(MediaKeys.FolderOf(neighbour.StorageId)));
        Assert.Equal([("deleteMediaAsset", (int?)TestActors.Editor.UserId)], await database.AuditOf(MediaEditor.EntityType, asset.Id));
    }

    [Fact]
    public async Task Deleting_needs_ManageMedia_even_for_ones_own_upload()
    {
        var asset = await AddAsync(TestContent.MediaAsset("delete-own.png", uploadedBy: OwnWriter.UserId));
        await WriteBlobAsync(MediaKeys.OriginalOf(asset.StorageId));

        await FailsWith(ErrorCode.Forbidden, () => Editor.DeleteAsync(OwnWriter, asset.Id, 1, Cancel));

        Assert.NotNull(await LoadAsync(asset.Id));
        Assert.Single(await KeysAsync(MediaKeys.FolderOf(asset.StorageId)));
    }

    [Fact]
    public async Task Deleting_an_asset_in_use_is_a_conflict_listing_every_user_and_keeps_row_and_blobs()
    {
        var asset = await AddAsync(TestContent.MediaAsset("delete-used.png", altText: "Used"));
        await WriteBlobAsync(MediaKeys.OriginalOf(asset.StorageId));
        var hero = TestContent.Article("used-as-hero", null, status: ArticleStatus.Draft);
        hero.HeroImageId = asset.Id;
        var inline = TestContent.Article("used-inline", TestContent.Now.AddDays(-1));
        var sponsor = TestContent.Sponsor("used-logo-sponsor");
        sponsor.LogoMediaId = asset.Id;
        var author = TestContent.Author("used-avatar-author");
        author.AvatarMediaId = asset.Id;
        await database.Contexts.SaveAsync(hero, inline, sponsor, author);
        await database.Contexts.SaveAsync(new ArticleMediaReference { ArticleId = inline.Id, MediaAssetId = asset.Id });

        var error = await FailsWith(ErrorCode.Conflict, () => Editor.DeleteAsync(TestActors.Administrator, asset.Id, 1, Cancel));

        var uses = Assert.IsType<IReadOnlyList<MediaUse>>(error.Details[MediaUse.DetailsKey], exactMatch: false);
        Assert.Equal(
            [
                new MediaUse(MediaUse.HeroImage, "Article", hero.Id, hero.Title),
                new MediaUse(MediaUse.InlineImage, "Article", inline.Id, inline.Title),
                new MediaUse(MediaUse.SponsorLogo, "Sponsor", sponsor.Id, sponsor.Name),
                new MediaUse(MediaUse.AuthorAvatar, "Author", author.Id, author.Name),
            ],
            uses);
        Assert.NotNull(await LoadAsync(asset.Id));
        Assert.Single(await KeysAsync(MediaKeys.FolderOf(asset.StorageId)));
        Assert.Empty(await database.AuditOf(MediaEditor.EntityType, asset.Id));
    }

    [Fact]
    public async Task The_library_lists_newest_first_in_keyset_pages()
    {
        var assets = new List<MediaAsset>();
        for (var i = 0; i < 5; i++)
        {
            // Two share a time, so the id must break the tie for the pages to be stable.
            assets.Add(await AddAsync(TestContent.MediaAsset($"paging-{i}.png", uploadedAt: TestContent.Now.AddMinutes(i == 4 ? 3 : i))));
        }

        var first = await Library.ListAsync(OwnWriter, new MediaListFilter("paging-"), PageRequest.Create(2, null), Cancel);
        var second = await Library.ListAsync(OwnWriter, new MediaListFilter("paging-"), PageRequest.Create(2, first.CursorOf(first.Items[^1])), Cancel);
        var third = await Library.ListAsync(OwnWriter, new MediaListFilter("paging-"), PageRequest.Create(2, second.CursorOf(second.Items[^1])), Cancel);

        Assert.Equal([assets[4].Id, assets[3].Id], first.Items.Select(a => a.Id));
        Assert.Equal([assets[2].Id, assets[1].Id], second.Items.Select(a => a.Id));
        Assert.Equal([assets[0].Id], third.Items.Select(a => a.Id));
        Assert.Equal((true, false), (first.HasNextPage, first.HasPreviousPage));
        Assert.Equal((false, true), (third.HasNextPage, third.HasPreviousPage));
    }

    [Fact]
    public async Task Search_matches_file_name_alt_text_caption_or_credit_in_any_case_and_type_filters_by_kind()
    {
        var byName = await AddAsync(TestContent.MediaAsset("Zebra-Crossing.png"));
        var byAlt = await AddAsync(TestContent.MediaAsset("search-alt.png", altText: "A ZEBRA at the bank"));
        var byCaption = TestContent.MediaAsset("search-caption.png");
        byCaption.Caption = "zebra stripes";
        var byCredit = TestContent.MediaAsset("search-credit.pdf", MediaKind.Document);
        byCredit.Credit = "Photo: Zebra Agency";
        await database.Contexts.SaveAsync(byCaption, byCredit);
        await AddAsync(TestContent.MediaAsset("search-none.png", altText: "A horse"));

        var found = await Library.ListAsync(OwnWriter, new MediaListFilter("zEbRa"), PageRequest.Create(100, null), Cancel);
        var documents = await Library.ListAsync(OwnWriter, new MediaListFilter("zebra", MediaKind.Document), PageRequest.Create(100, null), Cancel);

        Assert.Equal(new[] { byName.Id, byAlt.Id, byCaption.Id, byCredit.Id }.Order(), found.Items.Select(a => a.Id).Order());
        Assert.Equal([byCredit.Id], documents.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Search_treats_like_wildcards_as_text()
    {
        var percent = await AddAsync(TestContent.MediaAsset("growth-100%_chart.png"));
        await AddAsync(TestContent.MediaAsset("growth-1000-chart.png"));

        var found = await Library.ListAsync(OwnWriter, new MediaListFilter("100%_"), PageRequest.Create(100, null), Cancel);

        Assert.Equal([percent.Id], found.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Browsing_needs_UploadMedia_and_a_cursor_this_api_issued()
    {
        var reader = new StaffActor(9, "nobody@newscms.test", new HashSet<string>());

        await FailsWith(ErrorCode.Forbidden, () => Library.ListAsync(reader, new MediaListFilter(), PageRequest.Create(10, null), Cancel));
        var error = await FailsWith(ErrorCode.Validation, () => Library.ListAsync(OwnWriter, new MediaListFilter(), PageRequest.Create(10, "not-a-cursor"), Cancel));

        Assert.Equal(["after"], error.FieldErrors.Keys);
    }

    [Fact]
    public async Task Sponsor_logos_and_author_portraits_must_be_existing_pictures()
    {
        var logo = await AddAsync(TestContent.MediaAsset("sponsor-logo.png"));
        var document = await AddAsync(TestContent.MediaAsset("sponsor-logo.pdf", MediaKind.Document));
        var sponsors = new SponsorEditor(database.Contexts, new FakeTimeProvider(TestContent.Now));
        var authors = new AuthorEditor(database.Contexts, new FakeTimeProvider(TestContent.Now));

        var sponsor = await sponsors.CreateAsync(TestActors.Partnerships, new SponsorInput("Logo Bank", null, null, SponsorTier.Gold, null, null, null, 1, logo.Id), Cancel);
        var author = await authors.CreateAsync(TestActors.Editor, new AuthorInput("Avatar Writer", null, null, null, logo.Id), Cancel);
        var wrongLogo = await FailsWith(ErrorCode.Validation, () => sponsors.UpdateAsync(
            TestActors.Partnerships, sponsor.Id, sponsor.Version, new SponsorInput("Logo Bank", null, null, SponsorTier.Gold, null, null, null, 1, document.Id), Cancel));
        var missingAvatar = await FailsWith(ErrorCode.Validation, () => authors.UpdateAsync(
            TestActors.Editor, author.Id, author.Version, new AuthorInput("Avatar Writer", null, null, null, 987657), Cancel));
        var cleared = await authors.UpdateAsync(TestActors.Editor, author.Id, author.Version, new AuthorInput("Avatar Writer", null, null, null), Cancel);

        Assert.Equal((logo.Id, logo.Id), (sponsor.LogoMediaId, author.AvatarMediaId));
        Assert.Equal(["logoId"], wrongLogo.FieldErrors.Keys);
        Assert.Equal(["avatarId"], missingAvatar.FieldErrors.Keys);
        Assert.Null(cleared.AvatarMediaId);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(logo.Id, (await db.Sponsors.AsNoTracking().SingleAsync(s => s.Id == sponsor.Id, Cancel)).LogoMediaId);
    }

    private async Task<MediaAsset> AddAsync(MediaAsset asset)
    {
        await database.Contexts.SaveAsync(asset);
        return asset;
    }

    private async Task<MediaAsset?> LoadAsync(int id)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.MediaAssets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, Cancel);
    }

    private async Task WriteBlobAsync(string key)
    {
        using var bytes = new MemoryStream([1, 2, 3, 4]);
        await store.WriteAsync(key, bytes, "application/octet-stream", Cancel);
    }

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var blob in store.ListAsync(prefix, Cancel))
        {
            keys.Add(blob.Key);
        }

        return keys;
    }
}

public sealed class SqliteMediaEditorTests(SqliteTestDatabase database) : MediaEditorTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlMediaEditorTests(PostgreSqlTestDatabase database) : MediaEditorTests<PostgreSqlTestDatabase>(database);
