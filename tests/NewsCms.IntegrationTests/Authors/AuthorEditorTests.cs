using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Authors;

public abstract class AuthorEditorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private AuthorEditor Editor() => new(database.Contexts, new FakeTimeProvider(TestContent.Now));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task All_lists_every_author_by_name_for_the_byline_picker()
    {
        database.RequireAvailable();
        var run = Guid.NewGuid().ToString("N")[..8];
        var later = await Editor().CreateAsync(TestActors.Editor, new AuthorInput($"Picker Zola {run}", null, null, null), Cancel);
        var earlier = await Editor().CreateAsync(TestActors.Editor, new AuthorInput($"Picker Adams {run}", null, null, null), Cancel);

        var all = await new AuthorDirectory(database.Contexts).AllAsync(Cancel);

        Assert.Equal([earlier.Id, later.Id], all.Where(a => a.Name.EndsWith(run, StringComparison.Ordinal)).Select(a => a.Id));
    }

    [Fact]
    public async Task Create_update_and_delete_keep_the_version_and_the_audit_log_in_step()
    {
        database.RequireAvailable();

        var author = await Editor().CreateAsync(TestActors.Editor, new AuthorInput("Zoë Ångström", null, " Markets editor ", "Writes about rates."), Cancel);
        var updated = await Editor().UpdateAsync(TestActors.Administrator, author.Id, 1, new AuthorInput("Zoë Ångström-Lee", null, null, "New bio."), Cancel);
        var reslugged = await Editor().UpdateAsync(TestActors.Editor, author.Id, 2, new AuthorInput("Zoë Ångström-Lee", "zoe-lee", null, "New bio."), Cancel);
        await Editor().DeleteAsync(TestActors.Editor, author.Id, 3, Cancel);

        Assert.Equal(("zoe-angstrom", "Markets editor", 1), (author.Slug, author.JobTitle, author.Version));
        Assert.Equal(("zoe-angstrom", null, 2), (updated.Slug, updated.JobTitle, updated.Version));
        Assert.Equal(("zoe-lee", 3), (reslugged.Slug, reslugged.Version));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Authors.AnyAsync(a => a.Id == author.Id, Cancel));
        Assert.Equal(
            [("createAuthor", TestActors.Editor.UserId), ("updateAuthor", TestActors.Administrator.UserId), ("updateAuthor", TestActors.Editor.UserId), ("deleteAuthor", TestActors.Editor.UserId)],
            (await database.AuditOf(AuthorEditor.EntityType, author.Id)).Select(a => (a.Operation, a.ActorUserId ?? 0)));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        database.RequireAvailable();
        var author = await Editor().CreateAsync(TestActors.Editor, new AuthorInput("Stale author", null, null, null), Cancel);
        await Editor().UpdateAsync(TestActors.Editor, author.Id, 1, new AuthorInput("Stale author", null, "Reporter", null), Cancel);

        var error = await FailsWith(ErrorCode.Conflict, () => Editor().UpdateAsync(TestActors.Editor, author.Id, 1, new AuthorInput("Lost", null, null, null), Cancel));
        await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, author.Id, 1, Cancel));

        Assert.Equal(2, error.Details["currentVersion"]);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal("Reporter", (await db.Authors.AsNoTracking().SingleAsync(a => a.Id == author.Id, Cancel)).JobTitle);
        Assert.Equal(2, (await database.AuditOf(AuthorEditor.EntityType, author.Id)).Count);
    }

    [Fact]
    public async Task Bad_fields_are_refused_field_by_field_and_nothing_is_written()
    {
        database.RequireAvailable();
        await Editor().CreateAsync(TestActors.Editor, new AuthorInput("Taken author", "taken-author", null, null), Cancel);

        var error = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(
            TestActors.Editor,
            new AuthorInput(new string('n', Author.NameMaxLength + 1), "-bad-", new string('j', Author.JobTitleMaxLength + 1), new string('b', Author.BioMaxLength + 1)),
            Cancel));
        var taken = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, new AuthorInput("Taken twice", "taken-author", null, null), Cancel));

        Assert.Equal(["bio", "jobTitle", "name", "slug"], error.FieldErrors.Keys.Order());
        Assert.Equal(["slug"], taken.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Authors.AnyAsync(a => a.Name == "Taken twice", Cancel));
        Assert.Equal(0, await database.AuditMentioning("Taken twice"));
    }

    [Fact]
    public async Task An_author_on_a_byline_is_not_deleted()
    {
        database.RequireAvailable();
        var author = await Editor().CreateAsync(TestActors.Editor, new AuthorInput("Bylined author", null, null, null), Cancel);
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            var draft = TestContent.Article("draft-with-bylined-author", null, status: ArticleStatus.Draft);
            draft.Authors.Add(new ArticleAuthor { AuthorId = author.Id });
            db.Add(draft);
            await db.SaveChangesAsync(Cancel);
        }

        var error = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, author.Id, 1, Cancel));

        Assert.Contains("byline of 1 story", error.Message, StringComparison.Ordinal);
        await using var check = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await check.Authors.AnyAsync(a => a.Id == author.Id, Cancel));
        Assert.Single(await database.AuditOf(AuthorEditor.EntityType, author.Id));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_other_roles_are_refused()
    {
        database.RequireAvailable();
        var author = await Editor().CreateAsync(TestActors.Editor, new AuthorInput("Guarded author", null, null, null), Cancel);

        await FailsWith(ErrorCode.NotFound, () => Editor().UpdateAsync(TestActors.Editor, 987_654, 1, new AuthorInput("Nobody", null, null, null), Cancel));
        await FailsWith(ErrorCode.NotFound, () => Editor().DeleteAsync(TestActors.Editor, 987_654, 1, Cancel));
        foreach (var actor in new[] { TestActors.Writer, TestActors.Partnerships })
        {
            await FailsWith(ErrorCode.Forbidden, () => Editor().CreateAsync(actor, new AuthorInput("Forbidden author", null, null, null), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().UpdateAsync(actor, author.Id, 1, new AuthorInput("Forbidden", null, null, null), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().DeleteAsync(actor, author.Id, 1, Cancel));
        }

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Authors.AnyAsync(a => a.Slug == "forbidden-author", Cancel));
        Assert.Equal(1, (await db.Authors.AsNoTracking().SingleAsync(a => a.Id == author.Id, Cancel)).Version);
        Assert.Single(await database.AuditOf(AuthorEditor.EntityType, author.Id));
    }
}

public sealed class SqliteAuthorEditorTests(SqliteTestDatabase database) : AuthorEditorTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlAuthorEditorTests(PostgreSqlTestDatabase database) : AuthorEditorTests<PostgreSqlTestDatabase>(database);
