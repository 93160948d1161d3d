using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Corrections: appended only to live stories, dated, audited, and read back oldest first.</summary>
public abstract class ArticleCorrectionsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private ArticleCorrections Corrections() => new(database.Contexts, clock);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Article> StoryAsync(string slug, ArticleStatus status = ArticleStatus.Published, DateTime? publishedAt = null, DateTime? embargoUntil = null)
    {
        var story = TestContent.Article(slug, publishedAt ?? TestContent.Now.AddDays(-1), status: status);
        story.EmbargoUntil = embargoUntil;
        await database.Contexts.SaveAsync(story);
        return story;
    }

    private async Task<Article> StoredAsync(int id)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Cancel);
    }

    [Fact]
    public async Task Appending_dates_the_note_marks_the_story_updated_moves_its_version_and_audits()
    {
        database.RequireAvailable();
        var story = await StoryAsync("corrected-story");

        await Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Correction, "  The rate is 4.5%, not 5%. ", Cancel);
        clock.Advance(TimeSpan.FromHours(2));
        var updated = await Corrections().AppendAsync(TestActors.Administrator, story.Id, CorrectionKind.Update, "The bank confirmed the rate.", Cancel);

        var notes = (await Corrections().ForArticlesAsync([story.Id], Cancel))[story.Id].ToList();
        Assert.Equal([(CorrectionKind.Correction, "The rate is 4.5%, not 5%.", TestContent.Now), (CorrectionKind.Update, "The bank confirmed the rate.", TestContent.Now.AddHours(2))],
            notes.Select(n => (n.Kind, n.Text, n.CreatedAt)));
        Assert.Equal([TestActors.Editor.UserId, TestActors.Administrator.UserId], notes.Select(n => n.ActorUserId ?? 0));
        var stored = await StoredAsync(story.Id);
        Assert.Equal((TestContent.Now.AddHours(2), 3), (stored.UpdatedAt, stored.Version));
        Assert.Equal(3, updated.Version);
        Assert.Equal(["appendArticleCorrection", "appendArticleCorrection"], (await database.AuditOf(ArticleCorrections.EntityType, story.Id)).Select(a => a.Operation));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == story.Id).OrderBy(r => r.Number).ToListAsync(Cancel);
        Assert.Equal([(1, "appendArticleCorrection", TestActors.Editor.Email), (2, "appendArticleCorrection", TestActors.Administrator.Email)],
            revisions.Select(r => (r.Number, r.Operation, r.Actor)));
    }

    [Fact]
    public async Task Corrections_racing_each_other_are_all_kept_with_one_revision_each()
    {
        database.RequireAvailable();
        var story = await StoryAsync("corrected-at-once");

        await Task.WhenAll(Enumerable.Range(1, 3).Select(i =>
            Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Clarification, $"Clarification {i}.", Cancel)));

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(3, await db.ArticleCorrections.CountAsync(c => c.ArticleId == story.Id, Cancel));
        Assert.Equal([1, 2, 3], await db.ArticleRevisions.Where(r => r.ArticleId == story.Id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(Cancel));
        Assert.Equal(4, (await StoredAsync(story.Id)).Version);
    }

    [Fact]
    public async Task Notes_of_many_stories_come_back_grouped_each_oldest_first()
    {
        database.RequireAvailable();
        var first = await StoryAsync("grouped-first");
        var second = await StoryAsync("grouped-second");
        var silent = await StoryAsync("grouped-silent");
        foreach (var (story, text) in new[] { (second, "b1"), (first, "a1"), (second, "b2"), (first, "a2"), (first, "a3") })
        {
            await Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Clarification, text, Cancel);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var notes = await Corrections().ForArticlesAsync([first.Id, second.Id, silent.Id], Cancel);

        Assert.Equal(["a1", "a2", "a3"], notes[first.Id].Select(n => n.Text));
        Assert.Equal(["b1", "b2"], notes[second.Id].Select(n => n.Text));
        Assert.Empty(notes[silent.Id]);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, false, false)]
    [InlineData(ArticleStatus.InReview, false, false)]
    [InlineData(ArticleStatus.Scheduled, true, false)]
    [InlineData(ArticleStatus.Published, true, false)] // future-dated
    [InlineData(ArticleStatus.Published, false, true)] // embargoed
    [InlineData(ArticleStatus.Unpublished, false, false)]
    [InlineData(ArticleStatus.Archived, false, false)]
    public async Task Stories_readers_cannot_see_now_take_no_correction_and_nothing_is_written(ArticleStatus status, bool future, bool embargoed)
    {
        database.RequireAvailable();
        var story = await StoryAsync(
            $"not-live-{status}-{future}-{embargoed}".ToLowerInvariant(),
            status,
            future ? TestContent.Now.AddHours(1) : TestContent.Now.AddDays(-1),
            embargoed ? TestContent.Now.AddHours(1) : null);

        var error = await FailsWith(ErrorCode.Conflict, () => Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Correction, "Too early or too late.", Cancel));

        Assert.Contains("readers can see now", error.Message, StringComparison.Ordinal);
        await AssertUntouchedAsync(story);
    }

    [Fact]
    public async Task Bad_notes_unknown_stories_and_roles_without_publishing_rights_are_refused()
    {
        database.RequireAvailable();
        var story = await StoryAsync("guarded-corrections");

        var blank = await FailsWith(ErrorCode.Validation, () => Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Correction, "  ", Cancel));
        var longText = await FailsWith(ErrorCode.Validation, () => Corrections().AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Correction, new string('x', ArticleCorrection.TextMaxLength + 1), Cancel));
        var kind = await FailsWith(ErrorCode.Validation, () => Corrections().AppendAsync(TestActors.Editor, story.Id, (CorrectionKind)42, "Text", Cancel));
        await FailsWith(ErrorCode.NotFound, () => Corrections().AppendAsync(TestActors.Editor, 987_654, CorrectionKind.Correction, "Nobody", Cancel));
        await FailsWith(ErrorCode.Forbidden, () => Corrections().AppendAsync(TestActors.Writer, story.Id, CorrectionKind.Correction, "Writer", Cancel));
        await FailsWith(ErrorCode.Forbidden, () => Corrections().AppendAsync(TestActors.Partnerships, story.Id, CorrectionKind.Correction, "Partner", Cancel));

        Assert.Equal(["text"], blank.FieldErrors.Keys);
        Assert.Equal(["text"], longText.FieldErrors.Keys);
        Assert.Equal(["kind"], kind.FieldErrors.Keys);
        await AssertUntouchedAsync(story);
    }

    [Fact]
    public async Task An_edit_saved_between_the_read_and_the_write_does_not_lose_the_correction_or_the_edit()
    {
        database.RequireAvailable();
        var story = await StoryAsync("raced-correction");
        var racing = database.WithWriteJustBeforeSave(db => db.Articles.Where(a => a.Id == story.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.Title, "Edited meanwhile"), Cancel));

        var updated = await new ArticleCorrections(racing, clock).AppendAsync(TestActors.Editor, story.Id, CorrectionKind.Correction, "Raced note.", Cancel);

        Assert.Equal(3, updated.Version);
        var stored = await StoredAsync(story.Id);
        Assert.Equal(("Edited meanwhile", 3), (stored.Title, stored.Version));
        Assert.Equal(["Raced note."], (await Corrections().ForArticlesAsync([story.Id], Cancel))[story.Id].Select(n => n.Text));
        Assert.Single(await database.AuditOf(ArticleCorrections.EntityType, story.Id));
    }

    private async Task AssertUntouchedAsync(Article story)
    {
        var stored = await StoredAsync(story.Id);
        Assert.Equal((story.UpdatedAt, story.Version), (stored.UpdatedAt, stored.Version));
        Assert.Empty((await Corrections().ForArticlesAsync([story.Id], Cancel))[story.Id]);
        Assert.Empty(await database.AuditOf(ArticleCorrections.EntityType, story.Id));
    }
}

public sealed class SqliteArticleCorrectionsTests(SqliteTestDatabase database) : ArticleCorrectionsTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticleCorrectionsTests(PostgreSqlTestDatabase database) : ArticleCorrectionsTests<PostgreSqlTestDatabase>(database);
