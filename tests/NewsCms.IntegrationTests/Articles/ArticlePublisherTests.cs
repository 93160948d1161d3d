using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Sections;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>The lifecycle: review, publication now, at a time or at the end of an embargo, unpublication, archive, and retired slugs.</summary>
public abstract class ArticlePublisherTests<TDatabase>(TDatabase database) : EditorialTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private PublishedArticles Public => new(Database.Contexts, new SectionTree(Database.Contexts), Clock);

    [Fact]
    public async Task A_writer_submits_a_draft_for_review_once()
    {
        var draft = await CreatePublishableAsync("submit-once");

        var submitted = await Publishing.SubmitForReviewAsync(Writer, draft.Id, draft.Version, Cancel);

        Assert.Equal((ArticleStatus.InReview, 2), (submitted.Status, submitted.Version));
        Assert.Equal(ArticleStatus.InReview, (await LoadAsync(draft.Id)).Status);
        await RefusedAsync(ErrorCode.Validation, () => Publishing.SubmitForReviewAsync(Writer, draft.Id, submitted.Version, Cancel));
    }

    [Fact]
    public async Task Publishing_needs_a_summary_a_section_and_an_author_all_reported_at_once()
    {
        var bare = await Editing.CreateAsync(Writer, new ArticleDraft { Title = "Bare draft" }, Cancel);

        var error = await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, bare.Id, bare.Version, Cancel));
        var scheduling = await RefusedAsync(ErrorCode.Validation, () => Publishing.ScheduleAsync(Editor, bare.Id, bare.Version, TestContent.Now.AddHours(1), Cancel));

        Assert.Equal(["authorIds", "sectionId", "summary"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["authorIds", "sectionId", "summary"], scheduling.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(bare.Id)).Status);
    }

    [Fact]
    public async Task A_sponsored_story_goes_live_only_with_its_sponsor_and_disclosure()
    {
        var noDisclosure = await Editing.CreateAsync(Writer, Publishable("sponsored-no-disclosure") with { SponsorId = Newsroom.SponsorId }, Cancel);
        var noSponsor = await Editing.CreateAsync(Writer, Publishable("sponsored-no-sponsor") with { SponsorDisclosure = "Paid for by Acme Bank." }, Cancel);
        var complete = await Editing.CreateAsync(Writer, Publishable("sponsored-complete") with { SponsorId = Newsroom.SponsorId, SponsorDisclosure = "Paid for by Acme Bank." }, Cancel);

        var missingDisclosure = await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, noDisclosure.Id, noDisclosure.Version, Cancel));
        var missingSponsor = await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, noSponsor.Id, noSponsor.Version, Cancel));
        var published = await Publishing.PublishAsync(Editor, complete.Id, complete.Version, Cancel);

        Assert.Equal(["sponsorDisclosure"], missingDisclosure.FieldErrors.Keys);
        Assert.Equal(["sponsorId"], missingSponsor.FieldErrors.Keys);
        Assert.Equal(ArticleStatus.Published, published.Status);
    }

    [Fact]
    public async Task Publishing_stamps_the_first_publication_and_republishing_keeps_it()
    {
        var draft = await CreatePublishableAsync("republish");
        Clock.Advance(TimeSpan.FromMinutes(10));
        var published = await Publishing.PublishAsync(Editor, draft.Id, draft.Version, Cancel);
        Assert.Equal((ArticleStatus.Published, TestContent.Now.AddMinutes(10)), (published.Status, published.PublishedAt));
        Assert.NotNull(await Public.FindBySlugAsync("republish", Cancel));
        await RefusedAsync(ErrorCode.Validation, () => Publishing.PublishAsync(Editor, draft.Id, published.Version, Cancel));

        Clock.Advance(TimeSpan.FromHours(1));
        var unpublished = await Publishing.UnpublishAsync(Editor, draft.Id, published.Version, Cancel);
        Assert.Null(await Public.FindBySlugAsync("republish", Cancel));

        Clock.Advance(TimeSpan.FromHours(1));
        var republished = await Publishing.PublishAsync(Editor, draft.Id, unpublished.Version, Cancel);

        var stored = await LoadAsync(draft.Id);
        Assert.Equal((ArticleStatus.Published, TestContent.Now.AddMinutes(10)), (stored.Status, stored.PublishedAt));
        Assert.Equal(TestContent.Now.AddMinutes(130), stored.UpdatedAt);
        Assert.Equal(republished.Version, stored.Version);
        Assert.Equal(4, stored.Version);
        Assert.NotNull(await Public.FindBySlugAsync("republish", Cancel));
    }

    [Fact]
    public async Task Publishing_an_embargoed_story_schedules_it_for_the_end_of_the_embargo()
    {
        var embargo = TestContent.Now.AddHours(6);
        var draft = await Editing.CreateAsync(Writer, Publishable("embargoed") with { EmbargoUntil = embargo }, Cancel);

        var published = await Publishing.PublishAsync(Editor, draft.Id, draft.Version, Cancel);

        Assert.Equal((ArticleStatus.Scheduled, embargo), (published.Status, published.PublishedAt));
        var stored = await LoadAsync(draft.Id);
        Assert.Equal((ArticleStatus.Scheduled, embargo, embargo), (stored.Status, stored.PublishedAt, stored.EmbargoUntil));
        Assert.Null(await Public.FindBySlugAsync("embargoed", Cancel));
    }

    [Fact]
    public async Task Scheduling_needs_a_future_time_not_before_the_embargo()
    {
        var draft = await Editing.CreateAsync(Writer, Publishable("schedule-me") with { EmbargoUntil = TestContent.Now.AddHours(3) }, Cancel);

        var past = await RefusedAsync(ErrorCode.Validation, () => Publishing.ScheduleAsync(Editor, draft.Id, draft.Version, TestContent.Now.AddMinutes(-1), Cancel));
        var beforeEmbargo = await RefusedAsync(ErrorCode.Validation, () => Publishing.ScheduleAsync(Editor, draft.Id, draft.Version, TestContent.Now.AddHours(2), Cancel));
        var scheduled = await Publishing.ScheduleAsync(Editor, draft.Id, draft.Version, TestContent.Now.AddHours(4), Cancel);

        Assert.Equal(["at"], past.FieldErrors.Keys);
        Assert.Equal(["at"], beforeEmbargo.FieldErrors.Keys);
        Assert.Equal((ArticleStatus.Scheduled, TestContent.Now.AddHours(4)), (scheduled.Status, scheduled.PublishedAt));
        Assert.Null(await Public.FindBySlugAsync("schedule-me", Cancel));

        // Moving the embargo past the scheduled time would publish an embargoed story: refused.
        var moved = await RefusedAsync(ErrorCode.Validation, () =>
            Editing.UpdateAsync(Editor, draft.Id, scheduled.Version, Publishable("schedule-me") with { EmbargoUntil = TestContent.Now.AddHours(5) }, Cancel));
        Assert.Equal(["embargoUntil"], moved.FieldErrors.Keys);
    }

    [Fact]
    public async Task Unpublishing_and_archiving_move_only_from_the_states_that_allow_them()
    {
        var draft = await CreatePublishableAsync("lifecycle-draft");
        await RefusedAsync(ErrorCode.Validation, () => Publishing.UnpublishAsync(Editor, draft.Id, draft.Version, Cancel));
        await RefusedAsync(ErrorCode.Validation, () => Publishing.ArchiveAsync(Editor, draft.Id, draft.Version, Cancel));

        var published = await Publishing.PublishAsync(Editor, draft.Id, draft.Version, Cancel);
        var archived = await Publishing.ArchiveAsync(Editor, draft.Id, published.Version, Cancel);
        Assert.Equal(ArticleStatus.Archived, (await LoadAsync(draft.Id)).Status);
        Assert.Null(await Public.FindBySlugAsync("lifecycle-draft", Cancel));
        await RefusedAsync(ErrorCode.Validation, () => Publishing.ArchiveAsync(Editor, draft.Id, archived.Version, Cancel));
        await RefusedAsync(ErrorCode.Validation, () => Publishing.SubmitForReviewAsync(Editor, draft.Id, archived.Version, Cancel));
    }

    [Fact]
    public async Task Every_transition_appends_a_revision_and_an_audit_row()
    {
        var draft = await CreatePublishableAsync("audited-lifecycle");
        var submitted = await Publishing.SubmitForReviewAsync(Writer, draft.Id, draft.Version, Cancel);
        var scheduled = await Publishing.ScheduleAsync(Editor, draft.Id, submitted.Version, TestContent.Now.AddHours(1), Cancel);
        var unpublished = await Publishing.UnpublishAsync(Editor, draft.Id, scheduled.Version, Cancel);
        var published = await Publishing.PublishAsync(Editor, draft.Id, unpublished.Version, Cancel);
        await Publishing.ArchiveAsync(Editor, draft.Id, published.Version, Cancel);

        string[] expected =
        [
            ArticleOperations.Create, ArticleOperations.SubmitForReview, ArticleOperations.Schedule,
            ArticleOperations.Unpublish, ArticleOperations.Publish, ArticleOperations.Archive,
        ];
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == draft.Id).OrderBy(r => r.Number).ToListAsync(Cancel);
        Assert.Equal(expected, revisions.Select(r => r.Operation));
        Assert.Equal([1, 2, 3, 4, 5, 6], revisions.Select(r => r.Number));
        Assert.Equal(6, (await LoadAsync(draft.Id)).Version);

        var entityId = draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditLog.Where(e => e.EntityType == "Article" && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync(Cancel);
        Assert.Equal(expected, audit.Select(e => e.Operation));
        Assert.Equal([Writer.Email, Writer.Email, Editor.Email, Editor.Email, Editor.Email, Editor.Email], audit.Select(e => e.Actor));
    }

    [Fact]
    public async Task A_published_story_keeps_its_old_slug_as_a_redirect_until_it_takes_it_back()
    {
        var published = await CreatePublishedAsync("original-slug");

        var moved = await Editing.UpdateAsync(Editor, published.Id, published.Version, Publishable("original-slug") with { Slug = "renamed-slug" }, Cancel);
        await using (var db = await Database.Contexts.CreateDbContextAsync(Cancel))
        {
            var redirect = await db.ArticleSlugRedirects.SingleAsync(r => r.ArticleId == published.Id, Cancel);
            Assert.Equal(("original-slug", TestContent.Now), (redirect.Slug, redirect.RetiredAt));
        }

        var other = await CreatePublishableAsync("other-story");
        var stolen = await RefusedAsync(ErrorCode.Validation, () => Editing.UpdateAsync(Editor, other.Id, other.Version, Publishable("other-story") with { Slug = "original-slug" }, Cancel));
        Assert.Equal(["slug"], stolen.FieldErrors.Keys);

        await Editing.UpdateAsync(Editor, published.Id, moved.Version, Publishable("original-slug"), Cancel);
        await using (var db = await Database.Contexts.CreateDbContextAsync(Cancel))
        {
            var redirects = await db.ArticleSlugRedirects.Where(r => r.ArticleId == published.Id).Select(r => r.Slug).ToListAsync(Cancel);
            Assert.Equal(["renamed-slug"], redirects);
            Assert.Equal("original-slug", (await LoadAsync(published.Id)).Slug);
        }
    }

    [Fact]
    public async Task A_draft_that_never_ran_changes_its_slug_without_leaving_a_redirect()
    {
        var draft = await CreatePublishableAsync("draft-slug-one");

        await Editing.UpdateAsync(Writer, draft.Id, draft.Version, Publishable("draft-slug-one") with { Slug = "draft-slug-two" }, Cancel);

        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.ArticleSlugRedirects.AnyAsync(r => r.ArticleId == draft.Id, Cancel));
        Assert.Equal("draft-slug-two", (await LoadAsync(draft.Id)).Slug);
    }
}

public sealed class SqliteArticlePublisherTests(SqliteTestDatabase database) : ArticlePublisherTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticlePublisherTests(PostgreSqlTestDatabase database) : ArticlePublisherTests<PostgreSqlTestDatabase>(database);
