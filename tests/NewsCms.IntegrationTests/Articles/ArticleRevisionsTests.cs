using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Revision history: numbering, the diff between two revisions, and restoring one as a new revision.</summary>
public abstract class ArticleRevisionsTests<TDatabase>(TDatabase database) : EditorialTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Revisions_are_numbered_per_article_from_1_and_listed_newest_first()
    {
        var first = await CreatePublishableAsync("numbered-one");
        var second = await CreatePublishableAsync("numbered-two");
        var updated = await Editing.UpdateAsync(Writer, first.Id, first.Version, Publishable("numbered-one") with { Markdown = "Two." }, Cancel);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Editing.UpdateAsync(Editor, first.Id, updated.Version, Publishable("numbered-one") with { Markdown = "Three." }, Cancel);

        var history = await Revisions.ListAsync(Writer, first.Id, Cancel);
        var other = await Revisions.ListAsync(Writer, second.Id, Cancel);

        Assert.Equal([3, 2, 1], history.Select(r => r.Number));
        Assert.Equal([ArticleOperations.Update, ArticleOperations.Update, ArticleOperations.Create], history.Select(r => r.Operation));
        Assert.Equal(["Three.", "Two.", Publishable("x").Markdown], history.Select(r => r.Markdown));
        Assert.Equal((Editor.Email, TestContent.Now.AddMinutes(1)), (history[0].Actor, history[0].CreatedAt));
        Assert.Equal([1], other.Select(r => r.Number));
        await RefusedAsync(ErrorCode.NotFound, () => Revisions.ListAsync(Writer, 999_999, Cancel));
    }

    [Fact]
    public async Task The_diff_lists_changed_fields_and_body_lines_with_their_line_numbers()
    {
        var created = await Editing.CreateAsync(Writer, Publishable("diffed", "First line.\nSecond line.\nThird line."), Cancel);
        await Editing.UpdateAsync(Writer, created.Id, created.Version, Publishable("diffed", "First line.\nSecond line, edited.\nThird line.\nFourth line.") with
        {
            Title = "A new title",
        }, Cancel);

        var diff = await Revisions.DiffAsync(Writer, created.Id, 1, 2, Cancel);

        var changes = diff.Where(line => line.Kind != DiffLineKind.Unchanged).ToList();
        Assert.Equal(
            [
                new RevisionDiffLine(DiffLineKind.Removed, 1, null, "Title: Title of diffed"),
                new RevisionDiffLine(DiffLineKind.Added, null, 1, "Title: A new title"),
                new RevisionDiffLine(DiffLineKind.Removed, 18, null, "Second line."),
                new RevisionDiffLine(DiffLineKind.Added, null, 18, "Second line, edited."),
                new RevisionDiffLine(DiffLineKind.Added, null, 20, "Fourth line."),
            ],
            changes);
        Assert.Contains(new RevisionDiffLine(DiffLineKind.Unchanged, 2, 2, "Slug: diffed"), diff);
        Assert.Contains(new RevisionDiffLine(DiffLineKind.Unchanged, 19, 19, "Third line."), diff);
        Assert.Equal(20, diff.Count(line => line.Kind != DiffLineKind.Removed));

        var backwards = await Revisions.DiffAsync(Writer, created.Id, 2, 1, Cancel);
        Assert.Contains(new RevisionDiffLine(DiffLineKind.Removed, 20, null, "Fourth line."), backwards);
        Assert.All(await Revisions.DiffAsync(Writer, created.Id, 2, 2, Cancel), line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));
        await RefusedAsync(ErrorCode.NotFound, () => Revisions.DiffAsync(Writer, created.Id, 1, 9, Cancel));
    }

    [Fact]
    public async Task The_diff_shows_bylines_and_other_fields_one_line_each()
    {
        var created = await CreatePublishableAsync("diffed-fields");
        await Editing.UpdateAsync(Writer, created.Id, created.Version, Publishable("diffed-fields") with
        {
            AuthorIds = [Newsroom.AuthorIds[1], Newsroom.AuthorIds[0]],
            IsBreaking = true,
        }, Cancel);

        var diff = await Revisions.DiffAsync(Writer, created.Id, 1, 2, Cancel);

        var added = diff.Where(line => line.Kind == DiffLineKind.Added).Select(line => line.Text);
        Assert.Equal([$"Authors: bo writer (#{Newsroom.AuthorIds[1]}), ada writer (#{Newsroom.AuthorIds[0]})", "Breaking: yes"], added);
        Assert.Contains(new RevisionDiffLine(DiffLineKind.Unchanged, 5, 5, $"Section: desk (#{Newsroom.SectionId})"), diff);
    }

    [Fact]
    public async Task Restoring_makes_old_content_current_as_a_new_revision()
    {
        var created = await Editing.CreateAsync(Writer, Publishable("restored") with { Kicker = "Exclusive", TagIds = [.. Newsroom.TagIds] }, Cancel);
        var changed = await Editing.UpdateAsync(Writer, created.Id, created.Version, Publishable("restored") with
        {
            Title = "Changed title",
            Slug = "restored-renamed",
            Markdown = "Changed body.",
            AuthorIds = [Newsroom.AuthorIds[2]],
        }, Cancel);

        var restored = await Revisions.RestoreAsync(Writer, created.Id, 1, changed.Version, Cancel);

        var stored = await LoadAsync(created.Id);
        Assert.Equal(3, restored.Version);
        Assert.Equal(("Title of restored", "restored", "Exclusive"), (stored.Title, stored.Slug, stored.Kicker));
        Assert.Equal(Publishable("x").Markdown, stored.Body!.Markdown);
        Assert.Equal([Newsroom.AuthorIds[0]], stored.Authors.Select(a => a.AuthorId));
        Assert.Equal(Newsroom.TagIds.Order(), stored.Tags.Select(t => t.TagId).Order());

        var history = await Revisions.ListAsync(Writer, created.Id, Cancel);
        Assert.Equal([3, 2, 1], history.Select(r => r.Number));
        Assert.Equal(ArticleOperations.RestoreRevision, history[0].Operation);
        Assert.All(await Revisions.DiffAsync(Writer, created.Id, 1, 3, Cancel), line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));

        await RefusedAsync(ErrorCode.Conflict, () => Revisions.RestoreAsync(Writer, created.Id, 2, changed.Version, Cancel));
        await RefusedAsync(ErrorCode.NotFound, () => Revisions.RestoreAsync(Writer, created.Id, 42, restored.Version, Cancel));
    }
}

public sealed class SqliteArticleRevisionsTests(SqliteTestDatabase database) : ArticleRevisionsTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticleRevisionsTests(PostgreSqlTestDatabase database) : ArticleRevisionsTests<PostgreSqlTestDatabase>(database);
