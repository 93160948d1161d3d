using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.Sponsors;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Sponsors;

public abstract class SponsorEditorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private SponsorEditor Editor() => new(database.Contexts, new FakeTimeProvider(TestContent.Now));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SponsorInput Input(string name, string? slug = null, string? url = null, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new(name, slug, url, SponsorTier.Gold, null, from, until, 3);

    [Fact]
    public async Task Create_stores_the_window_in_utc_whatever_the_offset_and_update_and_delete_audit()
    {
        database.RequireAvailable();
        var from = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.FromHours(2));
        var until = new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.FromHours(-5));

        var sponsor = await Editor().CreateAsync(TestActors.Partnerships, new SponsorInput("Acme Bank", null, "https://acme.example/bank", SponsorTier.Platinum, "A bank.", from, until, 1), Cancel);
        var updated = await Editor().UpdateAsync(TestActors.Administrator, sponsor.Id, 1, Input("Acme Bank"), Cancel);
        await Editor().DeleteAsync(TestActors.Partnerships, sponsor.Id, 2, Cancel);

        Assert.Equal(("acme-bank", SponsorTier.Platinum, 1), (sponsor.Slug, sponsor.Tier, sponsor.Version));
        Assert.Equal(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc), sponsor.ActiveFrom);
        Assert.Equal(new DateTime(2026, 12, 31, 23, 0, 0, DateTimeKind.Utc), sponsor.ActiveUntil);
        Assert.Equal((SponsorTier.Gold, null, null, null, 2), (updated.Tier, updated.WebsiteUrl, updated.ActiveFrom, updated.ActiveUntil, updated.Version));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Id == sponsor.Id, Cancel));
        Assert.Equal(["createSponsor", "updateSponsor", "deleteSponsor"], (await database.AuditOf(SponsorEditor.EntityType, sponsor.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task The_stored_window_reads_back_in_utc()
    {
        database.RequireAvailable();
        var sponsor = await Editor().CreateAsync(TestActors.Partnerships, Input("Window reader", from: new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.FromHours(9))), Cancel);

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Sponsors.AsNoTracking().SingleAsync(s => s.Id == sponsor.Id, Cancel);

        Assert.Equal(new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc), stored.ActiveFrom);
        Assert.Equal(DateTimeKind.Utc, stored.ActiveFrom!.Value.Kind);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("jav\tascript:alert(1)")]
    [InlineData("ftp://files.example.com")]
    [InlineData("/relative/path")]
    [InlineData("//cdn.example.com")]
    [InlineData("https://")]
    public async Task Only_absolute_http_and_https_websites_are_accepted(string url)
    {
        database.RequireAvailable();

        var error = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Partnerships, Input("Bad link sponsor", url: url), Cancel));

        Assert.Equal(["websiteUrl"], error.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Slug == "bad-link-sponsor", Cancel));
    }

    [Fact]
    public async Task Bad_fields_are_refused_field_by_field_and_nothing_is_written()
    {
        database.RequireAvailable();
        var at = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

        var window = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Partnerships, Input("Backwards", from: at, until: at.ToOffset(TimeSpan.FromHours(3))), Cancel));
        var many = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(
            TestActors.Partnerships,
            new SponsorInput(" ", "Bad Slug", "https://ok.example", (SponsorTier)42, new string('d', Sponsor.DescriptionMaxLength + 1), null, null, 0),
            Cancel));

        Assert.Equal(["activeUntil"], window.FieldErrors.Keys);
        Assert.Equal(["description", "name", "slug", "tier"], many.FieldErrors.Keys.Order());
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Slug == "backwards" || s.Slug == "Bad Slug", Cancel));
        Assert.Equal(0, await database.AuditMentioning("Backwards"));
    }

    [Fact]
    public async Task Placements_and_the_tracking_link_round_trip_and_an_update_replaces_them()
    {
        database.RequireAvailable();
        const SponsorPlacements Placed = SponsorPlacements.Newsletter | SponsorPlacements.ArticleSponsorship;

        var created = await Editor().CreateAsync(
            TestActors.Partnerships,
            Input("Tracked Bank", url: "https://tracked.example") with { Placements = Placed, TrackingUrl = "https://track.example/c?id=7&utm_source=news" },
            Cancel);
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            var stored = await db.Sponsors.AsNoTracking().SingleAsync(s => s.Id == created.Id, Cancel);
            Assert.Equal((Placed, "https://track.example/c?id=7&utm_source=news"), (stored.Placements, stored.TrackingUrl));
            Assert.Equal(created.Id, await db.Sponsors.Where(s => (s.Placements & SponsorPlacements.ArticleSponsorship) != 0 && s.Slug == "tracked-bank").Select(s => s.Id).SingleAsync(Cancel));
        }

        var updated = await Editor().UpdateAsync(TestActors.Editor, created.Id, 1, Input("Tracked Bank") with { Placements = SponsorPlacements.Events }, Cancel);

        await using var after = await database.Contexts.CreateDbContextAsync(Cancel);
        var reread = await after.Sponsors.AsNoTracking().SingleAsync(s => s.Id == created.Id, Cancel);
        Assert.Equal((SponsorPlacements.Events, null, 2), (reread.Placements, reread.TrackingUrl, updated.Version));
        Assert.Equal(1, await database.AuditMentioning("(tracked-bank, Gold, placements: Newsletter, ArticleSponsorship)"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://files.example.com")]
    [InlineData("/track?id=1")]
    [InlineData("//track.example")]
    [InlineData("https://")]
    [InlineData("too-long")]
    public async Task Only_absolute_http_and_https_tracking_links_within_the_bound_are_accepted(string url)
    {
        database.RequireAvailable();
        var trackingUrl = url == "too-long" ? "https://track.example/" + new string('a', Sponsor.TrackingUrlMaxLength) : url;

        var error = await FailsWith(
            ErrorCode.Validation,
            () => Editor().CreateAsync(TestActors.Partnerships, Input("Bad tracking sponsor", url: "https://fine.example") with { TrackingUrl = trackingUrl }, Cancel));

        Assert.Equal(["trackingUrl"], error.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Slug == "bad-tracking-sponsor", Cancel));
    }

    [Fact]
    public async Task A_placement_that_does_not_exist_is_refused()
    {
        database.RequireAvailable();

        var error = await FailsWith(
            ErrorCode.Validation,
            () => Editor().CreateAsync(TestActors.Partnerships, Input("Nowhere sponsor") with { Placements = SponsorPlacements.Events | (SponsorPlacements)64 }, Cancel));

        Assert.Equal(["placements"], error.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Slug == "nowhere-sponsor", Cancel));
    }

    [Fact]
    public async Task A_sponsor_of_a_story_is_not_deleted_and_stale_versions_conflict()
    {
        database.RequireAvailable();
        var sponsor = await Editor().CreateAsync(TestActors.Partnerships, Input("Story sponsor"), Cancel);
        var story = TestContent.Article("sponsored-by-story-sponsor", TestContent.Now.AddDays(-1));
        story.SponsorId = sponsor.Id;
        await database.Contexts.SaveAsync(story);

        var stale = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Partnerships, sponsor.Id, 7, Cancel));
        var used = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Partnerships, sponsor.Id, 1, Cancel));

        Assert.Equal(1, stale.Details["currentVersion"]);
        Assert.Contains("paid for 1 story", used.Message, StringComparison.Ordinal);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await db.Sponsors.AnyAsync(s => s.Id == sponsor.Id, Cancel));
        Assert.Single(await database.AuditOf(SponsorEditor.EntityType, sponsor.Id));
    }

    [Fact]
    public async Task Only_roles_that_manage_sponsors_may_and_unknown_ids_are_not_found()
    {
        database.RequireAvailable();
        var sponsor = await Editor().CreateAsync(TestActors.Administrator, Input("Guarded sponsor"), Cancel);

        foreach (var actor in new[] { TestActors.Writer })
        {
            await FailsWith(ErrorCode.Forbidden, () => Editor().CreateAsync(actor, Input("Forbidden sponsor"), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().UpdateAsync(actor, sponsor.Id, 1, Input("Forbidden"), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().DeleteAsync(actor, sponsor.Id, 1, Cancel));
        }

        var byEditor = await Editor().CreateAsync(TestActors.Editor, Input("Editor sponsor"), Cancel);
        Assert.Equal("editor-sponsor", byEditor.Slug);
        await FailsWith(ErrorCode.NotFound, () => Editor().UpdateAsync(TestActors.Partnerships, 987_654, 1, Input("Nobody"), Cancel));
        await FailsWith(ErrorCode.NotFound, () => Editor().DeleteAsync(TestActors.Partnerships, 987_654, 1, Cancel));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sponsors.AnyAsync(s => s.Slug == "forbidden-sponsor", Cancel));
        Assert.Single(await database.AuditOf(SponsorEditor.EntityType, sponsor.Id));
    }
}

public sealed class SqliteSponsorEditorTests(SqliteTestDatabase database) : SponsorEditorTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlSponsorEditorTests(PostgreSqlTestDatabase database) : SponsorEditorTests<PostgreSqlTestDatabase>(database);
