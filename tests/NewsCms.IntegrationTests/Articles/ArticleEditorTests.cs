using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Creating, changing and deleting articles: the draft rules, who may do what, versions, and refusals that write nothing.</summary>
public abstract class ArticleEditorTests<TDatabase>(TDatabase database) : EditorialTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Creating_makes_a_draft_owned_by_its_writer_with_revision_1_and_an_audit_row()
    {
        var draft = Publishable("ignored") with
        {
            Title = "Banks brace for the ECB's next move",
            Slug = null,
            AuthorIds = [Newsroom.AuthorIds[1], Newsroom.AuthorIds[0]],
            TagIds = [.. Newsroom.TagIds],
            Markdown = "## What changes\n\nRates, probably.",
        };

        var created = await Editing.CreateAsync(Writer, draft, Cancel);

        var stored = await LoadAsync(created.Id);
        Assert.Equal("banks-brace-for-the-ecb-s-next-move", stored.Slug);
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Equal(Writer.UserId, stored.CreatedByUserId);
        Assert.Equal(1, stored.Version);
        Assert.Equal(TestContent.Now, stored.CreatedAt);
        Assert.Equal(TestContent.Now, stored.UpdatedAt);
        Assert.Null(stored.PublishedAt);
        Assert.Equal([Newsroom.AuthorIds[1], Newsroom.AuthorIds[0]], stored.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId));
        Assert.Equal(Newsroom.TagIds.Order(), stored.Tags.Select(t => t.TagId).Order());
        Assert.Contains("<h2 id=\"what-changes\">", stored.Body!.Html, StringComparison.Ordinal);

        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        var revision = await db.ArticleRevisions.SingleAsync(r => r.ArticleId == created.Id, Cancel);
        Assert.Equal((1, ArticleOperations.Create, Writer.Email, Writer.UserId), (revision.Number, revision.Operation, revision.Actor, revision.ActorUserId));
        Assert.Equal(draft.Markdown, revision.Markdown);
        Assert.Equal([Newsroom.AuthorIds[1], Newsroom.AuthorIds[0]], ArticleRevisionMetadata.Parse(revision.Metadata).AuthorIds);
        var audit = await db.AuditLog.SingleAsync(e => e.EntityType == "Article" && e.EntityId == created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);
        Assert.Equal((ArticleOperations.Create, Writer.UserId, TestContent.Now), (audit.Operation, audit.ActorUserId, audit.OccurredAt));
    }

    [Fact]
    public async Task A_draft_needs_only_a_title_and_a_valid_slug()
    {
        var bare = await Editing.CreateAsync(Writer, new ArticleDraft { Title = "Just a working title" }, Cancel);
        Assert.Equal("just-a-working-title", bare.Slug);

        var error = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, new ArticleDraft { Title = "  ", Slug = "Not A Slug" }, Cancel));
        Assert.Equal(["slug", "title"], error.FieldErrors.Keys.Order());

        var unsluggable = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, new ArticleDraft { Title = "日本" }, Cancel));
        Assert.Equal(["slug"], unsluggable.FieldErrors.Keys);
    }

    [Fact]
    public async Task Oversized_text_bad_urls_and_unknown_references_are_all_reported_at_once_and_nothing_is_written()
    {
        var draft = new ArticleDraft
        {
            Title = new string('t', Article.TitleMaxLength + 1),
            Slug = "oversized",
            Kicker = new string('k', Article.KickerMaxLength + 1),
            Summary = new string('s', Article.SummaryMaxLength + 1),
            MetaTitle = new string('m', Article.MetaTitleMaxLength + 1),
            MetaDescription = new string('d', Article.MetaDescriptionMaxLength + 1),
            CanonicalUrl = "javascript:alert(1)",
            SectionId = 999_999,
            AuthorIds = [Newsroom.AuthorIds[0], 999_999],
            TagIds = [999_999],
            SponsorId = 999_999,
            SponsorDisclosure = new string('x', Article.DisclosureMaxLength + 1),
        };

        var error = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, draft, Cancel));

        Assert.Equal(
            ["authorIds", "canonicalUrl", "kicker", "metaDescription", "metaTitle", "sectionId", "sponsorDisclosure", "sponsorId", "summary", "tagIds", "title"],
            error.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_byline_naming_an_author_twice_is_refused()
    {
        var error = await RefusedAsync(ErrorCode.Validation, () =>
            Editing.CreateAsync(Writer, Publishable("twice") with { AuthorIds = [Newsroom.AuthorIds[0], Newsroom.AuthorIds[0]] }, Cancel));
        Assert.Equal(["authorIds"], error.FieldErrors.Keys);
    }

    [Fact]
    public async Task Markdown_nested_too_deeply_is_a_validation_error_on_the_body()
    {
        var error = await RefusedAsync(ErrorCode.Validation, () =>
            Editing.CreateAsync(Writer, Publishable("too-deep", new string('>', 1_000) + " deep") with { Title = "" }, Cancel));
        Assert.Equal(["body", "title"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_slug_in_use_or_retired_by_another_story_is_refused()
    {
        var first = await CreatePublishedAsync("taken-slug");
        await Editing.UpdateAsync(Editor, first.Id, first.Version, Publishable("taken-slug") with { Slug = "moved-slug" }, Cancel);

        var inUse = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, Publishable("moved-slug"), Cancel));
        var retired = await RefusedAsync(ErrorCode.Validation, () => Editing.CreateAsync(Writer, Publishable("taken-slug"), Cancel));

        Assert.Equal(["slug"], inUse.FieldErrors.Keys);
        Assert.Equal(["slug"], retired.FieldErrors.Keys);
    }

    [Fact]
    public async Task Updating_replaces_the_content_bumps_the_version_and_keeps_the_slug_when_none_is_given()
    {
        var created = await CreatePublishableAsync("update-me");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var changed = Publishable("update-me") with
        {
            Slug = null,
            Title = "A better headline",
            AuthorIds = [Newsroom.AuthorIds[2], Newsroom.AuthorIds[0]],
            TagIds = [Newsroom.TagIds[1]],
            SectionId = Newsroom.OtherSectionId,
            Markdown = "Rewritten.",
            IsBreaking = true,
            BreakingUntil = new DateTime(2026, 6, 1, 14, 0, 0, DateTimeKind.Local),
        };
        var updated = await Editing.UpdateAsync(Writer, created.Id, created.Version, changed, Cancel);

        var stored = await LoadAsync(created.Id);
        Assert.Equal((2, "update-me", "A better headline"), (updated.Version, stored.Slug, stored.Title));
        Assert.Equal(2, stored.Version);
        Assert.Equal(TestContent.Now.AddMinutes(5), stored.UpdatedAt);
        Assert.Equal(TestContent.Now, stored.CreatedAt);
        Assert.Equal([Newsroom.AuthorIds[2], Newsroom.AuthorIds[0]], stored.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId));
        Assert.Equal([Newsroom.TagIds[1]], stored.Tags.Select(t => t.TagId));
        Assert.Equal("<p>Rewritten.</p>", stored.Body!.Html);
        Assert.Equal(DateTimeKind.Utc, stored.BreakingUntil!.Value.Kind);
        Assert.Equal(changed.BreakingUntil.Value.ToUniversalTime(), stored.BreakingUntil);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_that_names_the_current_version_and_writes_nothing()
    {
        var created = await CreatePublishableAsync("stale");
        await Editing.UpdateAsync(Writer, created.Id, 1, Publishable("stale") with { Markdown = "Second." }, Cancel);

        var error = await RefusedAsync(ErrorCode.Conflict, () => Editing.UpdateAsync(Writer, created.Id, 1, Publishable("stale") with { Markdown = "Lost." }, Cancel));

        Assert.Equal(2, error.Details["currentVersion"]);
        Assert.Equal("Second.", (await LoadAsync(created.Id)).Body!.Markdown);
        await RefusedAsync(ErrorCode.Conflict, () => Publishing.PublishAsync(Editor, created.Id, 1, Cancel));
        await RefusedAsync(ErrorCode.Conflict, () => Editing.DeleteAsync(Writer, created.Id, 1, Cancel));
    }

    [Fact]
    public async Task A_live_story_must_stay_publishable_when_it_is_edited()
    {
        var published = await CreatePublishedAsync("stays-publishable");

        var error = await RefusedAsync(ErrorCode.Validation, () =>
            Editing.UpdateAsync(Editor, published.Id, published.Version, Publishable("stays-publishable") with { Summary = "", AuthorIds = [] }, Cancel));

        Assert.Equal(["authorIds", "summary"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Writers_change_only_their_own_drafts_editors_change_anything()
    {
        var mine = await CreatePublishableAsync("writers-own");
        var theirs = await CreatePublishableAsync("someone-elses", by: OtherWriter);

        await RefusedAsync(ErrorCode.Forbidden, () => Editing.UpdateAsync(Writer, theirs.Id, theirs.Version, Publishable("someone-elses"), Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Editing.DeleteAsync(Writer, theirs.Id, theirs.Version, Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Publishing.SubmitForReviewAsync(Writer, theirs.Id, theirs.Version, Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Revisions.RestoreAsync(Writer, theirs.Id, 1, theirs.Version, Cancel));

        // In review it is still the writer's; once live it is the editors'.
        var inReview = await Publishing.SubmitForReviewAsync(Writer, mine.Id, mine.Version, Cancel);
        var edited = await Editing.UpdateAsync(Writer, mine.Id, inReview.Version, Publishable("writers-own") with { Markdown = "Still mine." }, Cancel);
        var live = await Publishing.PublishAsync(Editor, mine.Id, edited.Version, Cancel);
        await RefusedAsync(ErrorCode.Forbidden, () => Editing.UpdateAsync(Writer, mine.Id, live.Version, Publishable("writers-own"), Cancel));

        var byEditor = await Editing.UpdateAsync(Editor, theirs.Id, theirs.Version, Publishable("someone-elses") with { Markdown = "Edited by the desk." }, Cancel);
        Assert.Equal(2, byEditor.Version);
        var byAdministrator = await Editing.UpdateAsync(Administrator, mine.Id, live.Version, Publishable("writers-own") with { Markdown = "Fixed a typo." }, Cancel);
        Assert.Equal(live.Version + 1, byAdministrator.Version);
    }

    [Fact]
    public async Task Roles_without_the_permission_are_refused_before_anything_else()
    {
        var draft = await CreatePublishableAsync("permission-matrix");

        await RefusedAsync(ErrorCode.Forbidden, () => Editing.CreateAsync(Partnerships, Publishable("partnership-story"), Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Editing.UpdateAsync(Partnerships, draft.Id, draft.Version, Publishable("permission-matrix"), Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Publishing.PublishAsync(Writer, draft.Id, draft.Version, Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Publishing.ScheduleAsync(Writer, draft.Id, draft.Version, TestContent.Now.AddHours(1), Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Publishing.UnpublishAsync(Writer, draft.Id, draft.Version, Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Publishing.ArchiveAsync(Writer, draft.Id, draft.Version, Cancel));
        await RefusedAsync(ErrorCode.Forbidden, () => Revisions.ListAsync(Partnerships, draft.Id, Cancel));
        await RefusedAsync(ErrorCode.NotFound, () => Editing.UpdateAsync(Editor, 999_999, 1, Publishable("nowhere"), Cancel));
    }

    [Fact]
    public async Task Only_stories_that_never_went_live_can_be_deleted()
    {
        var draft = await CreatePublishableAsync("delete-draft");
        var inReview = await CreatePublishableAsync("delete-in-review");
        inReview = await Publishing.SubmitForReviewAsync(Writer, inReview.Id, inReview.Version, Cancel);
        var published = await CreatePublishedAsync("delete-published");
        var unpublished = await Publishing.UnpublishAsync(Editor, published.Id, published.Version, Cancel);
        var scheduled = await CreatePublishableAsync("delete-scheduled");
        scheduled = await Publishing.ScheduleAsync(Editor, scheduled.Id, scheduled.Version, TestContent.Now.AddDays(1), Cancel);

        var before = await CountRowsAsync();
        await Editing.DeleteAsync(Writer, draft.Id, draft.Version, Cancel);
        await Editing.DeleteAsync(Editor, inReview.Id, inReview.Version, Cancel);
        var after = await CountRowsAsync();
        Assert.Equal(before.Articles - 2, after.Articles);
        Assert.Equal(before.AuditEntries + 2, after.AuditEntries);

        await using (var db = await Database.Contexts.CreateDbContextAsync(Cancel))
        {
            Assert.False(await db.Articles.AnyAsync(a => a.Id == draft.Id || a.Id == inReview.Id, Cancel));
            Assert.False(await db.ArticleRevisions.AnyAsync(r => r.ArticleId == draft.Id || r.ArticleId == inReview.Id, Cancel));
            var deletedIds = new[] { draft.Id, inReview.Id }.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Operation == ArticleOperations.Delete && deletedIds.Contains(e.EntityId), Cancel));
        }

        await RefusedAsync(ErrorCode.Validation, () => Editing.DeleteAsync(Editor, unpublished.Id, unpublished.Version, Cancel));
        await RefusedAsync(ErrorCode.Validation, () => Editing.DeleteAsync(Editor, scheduled.Id, scheduled.Version, Cancel));
        var archived = await Publishing.ArchiveAsync(Editor, unpublished.Id, unpublished.Version, Cancel);
        await RefusedAsync(ErrorCode.Validation, () => Editing.DeleteAsync(Administrator, archived.Id, archived.Version, Cancel));
    }
}

public sealed class SqliteArticleEditorTests(SqliteTestDatabase database) : ArticleEditorTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticleEditorTests(PostgreSqlTestDatabase database) : ArticleEditorTests<PostgreSqlTestDatabase>(database);
