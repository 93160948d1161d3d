using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>
/// Editors saving the same version at the same moment, against the real database: exactly one wins, the others get
/// CONFLICT with the version to reload, and nobody's change is silently overwritten.
/// </summary>
public abstract class ArticleConcurrencyTests<TDatabase>(TDatabase database) : EditorialTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const int Editors = 6;

    [Fact]
    public async Task Of_several_updates_made_on_the_same_version_exactly_one_is_saved()
    {
        var article = await CreatePublishableAsync("raced-update");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Editors).Select(editor => OutcomeAsync(
            () => Editing.UpdateAsync(Editor, article.Id, article.Version, Publishable("raced-update", $"Body from editor {editor}."), Cancel))));

        var winner = Assert.Single(outcomes, o => o.Saved is not null);
        var losers = outcomes.Where(o => o.Saved is null).ToList();
        Assert.Equal(Editors - 1, losers.Count);
        Assert.All(losers, o =>
        {
            Assert.Equal(ErrorCode.Conflict, o.Error!.Code);
            Assert.Equal(2, o.Error.Details["currentVersion"]);
        });

        var stored = await LoadAsync(article.Id);
        Assert.Equal(2, stored.Version);
        Assert.Equal(winner.Saved!.Body!.Markdown, stored.Body!.Markdown);
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal([1, 2], await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(Cancel));
        Assert.Equal(stored.Body.Markdown, await db.ArticleRevisions.Where(r => r.ArticleId == article.Id && r.Number == 2).Select(r => r.Markdown).SingleAsync(Cancel));
    }

    [Fact]
    public async Task Racing_transitions_and_edits_on_one_version_let_exactly_one_through()
    {
        var article = await CreatePublishableAsync("raced-transitions");
        var before = await CountRowsAsync();

        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => Publishing.PublishAsync(Editor, article.Id, article.Version, Cancel)),
            OutcomeAsync(() => Publishing.SubmitForReviewAsync(Writer, article.Id, article.Version, Cancel)),
            OutcomeAsync(() => Editing.UpdateAsync(Editor, article.Id, article.Version, Publishable("raced-transitions", "Edited."), Cancel)),
            OutcomeAsync(() => Publishing.ScheduleAsync(Editor, article.Id, article.Version, Clock.GetUtcNow().UtcDateTime.AddHours(1), Cancel)));

        var winner = Assert.Single(outcomes, o => o.Saved is not null);
        Assert.All(outcomes.Where(o => o.Saved is null), o => Assert.Equal(ErrorCode.Conflict, o.Error!.Code));
        var stored = await LoadAsync(article.Id);
        Assert.Equal((2, winner.Saved!.Status), (stored.Version, stored.Status));
        var after = await CountRowsAsync();
        Assert.Equal((before.Revisions + 1, before.AuditEntries + 1), (after.Revisions, after.AuditEntries));
    }

    [Fact]
    public async Task A_delete_racing_an_update_leaves_either_the_update_or_nothing()
    {
        var article = await CreatePublishableAsync("raced-delete");

        var outcomes = await Task.WhenAll(
            OutcomeAsync(async () =>
            {
                await Editing.DeleteAsync(Writer, article.Id, article.Version, Cancel);
                return article;
            }),
            OutcomeAsync(() => Editing.UpdateAsync(Writer, article.Id, article.Version, Publishable("raced-delete", "Edited."), Cancel)));

        Assert.Single(outcomes, o => o.Saved is not null);
        var loser = Assert.Single(outcomes, o => o.Saved is null);
        Assert.Contains(loser.Error!.Code, new[] { ErrorCode.Conflict, ErrorCode.NotFound });
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Articles.Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == article.Id, Cancel);
        Assert.True(stored is null || (stored.Version == 2 && stored.Body!.Markdown == "Edited."));
    }

    [Fact]
    public async Task Of_drafts_created_at_once_with_one_slug_exactly_one_gets_it()
    {
        var before = await CountRowsAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Editors).Select(writer => OutcomeAsync(
            () => Editing.CreateAsync(Staff(500 + writer, Core.Staff.StaffRoles.Writer), Publishable("raced-slug", $"Draft {writer}."), Cancel))));

        var winner = Assert.Single(outcomes, o => o.Saved is not null);
        Assert.All(outcomes.Where(o => o.Saved is null), o => Assert.Equal(["slug"], o.Error!.FieldErrors.Keys));
        var after = await CountRowsAsync();
        Assert.Equal((before.Articles + 1, before.Revisions + 1, before.AuditEntries + 1), (after.Articles, after.Revisions, after.AuditEntries));
        Assert.Equal(winner.Saved!.Body!.Markdown, (await LoadAsync(winner.Saved.Id)).Body!.Markdown);
    }

    private static async Task<Outcome> OutcomeAsync(Func<Task<Article>> save)
    {
        // Yield first so that every save is in flight before any of them reaches the database.
        await Task.Yield();
        try
        {
            return new Outcome(await save(), null);
        }
        catch (NewsCmsException e)
        {
            return new Outcome(null, e);
        }
    }

    private sealed record Outcome(Article? Saved, NewsCmsException? Error);
}

public sealed class SqliteArticleConcurrencyTests(SqliteTestDatabase database) : ArticleConcurrencyTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticleConcurrencyTests(PostgreSqlTestDatabase database) : ArticleConcurrencyTests<PostgreSqlTestDatabase>(database);
