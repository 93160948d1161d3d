using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Tags;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Tags;

public abstract class TagEditorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    private TagEditor Editor() => new(database.Contexts, new FakeTimeProvider(TestContent.Now));

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_update_and_delete_keep_the_version_and_the_audit_log_in_step()
    {
        database.RequireAvailable();

        var tag = await Editor().CreateAsync(TestActors.Editor, new TagInput("Open Banking", null), Cancel);
        var updated = await Editor().UpdateAsync(TestActors.Editor, tag.Id, 1, new TagInput("Open banking", null), Cancel);
        await Editor().DeleteAsync(TestActors.Editor, tag.Id, 2, Cancel);

        Assert.Equal(("open-banking", 1), (tag.Slug, tag.Version));
        Assert.Equal(("Open banking", "open-banking", 2), (updated.Name, updated.Slug, updated.Version));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Tags.AnyAsync(t => t.Id == tag.Id, Cancel));
        Assert.Equal(["createTag", "updateTag", "deleteTag"], (await database.AuditOf(TagEditor.EntityType, tag.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task All_lists_every_tag_by_name_for_the_editors_picker()
    {
        database.RequireAvailable();
        var run = Guid.NewGuid().ToString("N")[..8];
        var later = await Editor().CreateAsync(TestActors.Editor, new TagInput($"Picker zinc {run}", null), Cancel);
        var earlier = await Editor().CreateAsync(TestActors.Editor, new TagInput($"Picker aluminium {run}", null), Cancel);

        var all = await new TagDirectory(database.Contexts).AllAsync(Cancel);

        Assert.Equal([earlier.Id, later.Id], all.Where(t => t.Name.EndsWith(run, StringComparison.Ordinal)).Select(t => t.Id));
    }

    [Fact]
    public async Task Stale_versions_bad_fields_and_unknown_ids_are_refused_and_change_nothing()
    {
        database.RequireAvailable();
        var tag = await Editor().CreateAsync(TestActors.Editor, new TagInput("Refusals", null), Cancel);
        await Editor().CreateAsync(TestActors.Editor, new TagInput("Taken tag", null), Cancel);

        var stale = await FailsWith(ErrorCode.Conflict, () => Editor().UpdateAsync(TestActors.Editor, tag.Id, 0, new TagInput("Stale", null), Cancel));
        var taken = await FailsWith(ErrorCode.Validation, () => Editor().UpdateAsync(TestActors.Editor, tag.Id, 1, new TagInput("Refusals", "taken-tag"), Cancel));
        var bad = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, new TagInput(new string('t', Tag.NameMaxLength + 1), "UPPER"), Cancel));
        await FailsWith(ErrorCode.NotFound, () => Editor().UpdateAsync(TestActors.Editor, 987_654, 1, new TagInput("Nobody", null), Cancel));
        await FailsWith(ErrorCode.NotFound, () => Editor().DeleteAsync(TestActors.Editor, 987_654, 1, Cancel));

        Assert.Equal(1, stale.Details["currentVersion"]);
        Assert.Equal(["slug"], taken.FieldErrors.Keys);
        Assert.Equal(["name", "slug"], bad.FieldErrors.Keys.Order());
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Tags.AsNoTracking().SingleAsync(t => t.Id == tag.Id, Cancel);
        Assert.Equal(("Refusals", "refusals", 1), (stored.Name, stored.Slug, stored.Version));
        Assert.Single(await database.AuditOf(TagEditor.EntityType, tag.Id));
    }

    [Fact]
    public async Task A_tag_in_use_is_not_deleted()
    {
        database.RequireAvailable();
        var tag = await Editor().CreateAsync(TestActors.Editor, new TagInput("Used tag", null), Cancel);
        var story = TestContent.Article("story-with-used-tag", TestContent.Now.AddDays(-1));
        story.Tags.Add(new ArticleTag { TagId = tag.Id });
        await database.Contexts.SaveAsync(story);

        var error = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, tag.Id, 1, Cancel));

        Assert.Contains("on 1 story", error.Message, StringComparison.Ordinal);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await db.Tags.AnyAsync(t => t.Id == tag.Id, Cancel));
    }

    [Fact]
    public async Task A_story_tagged_between_the_check_and_the_delete_makes_it_a_conflict_not_an_error()
    {
        database.RequireAvailable();
        var tag = await Editor().CreateAsync(TestActors.Editor, new TagInput("Raced tag", null), Cancel);
        var racing = database.WithWriteJustBeforeSave(async db =>
        {
            var story = TestContent.Article("story-tagged-in-the-race", TestContent.Now.AddDays(-1));
            story.Tags.Add(new ArticleTag { TagId = tag.Id });
            db.Add(story);
            await db.SaveChangesAsync(Cancel);
        });

        var error = await FailsWith(ErrorCode.Conflict, () => new TagEditor(racing, new FakeTimeProvider(TestContent.Now)).DeleteAsync(TestActors.Editor, tag.Id, 1, Cancel));

        Assert.Contains("on 1 story", error.Message, StringComparison.Ordinal);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await db.Tags.AnyAsync(t => t.Id == tag.Id, Cancel));
        Assert.Equal(["createTag"], (await database.AuditOf(TagEditor.EntityType, tag.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task Roles_without_taxonomy_rights_are_refused()
    {
        database.RequireAvailable();
        var tag = await Editor().CreateAsync(TestActors.Editor, new TagInput("Guarded tag", null), Cancel);

        foreach (var actor in new[] { TestActors.Writer, TestActors.Partnerships })
        {
            await FailsWith(ErrorCode.Forbidden, () => Editor().CreateAsync(actor, new TagInput("Forbidden tag", null), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().UpdateAsync(actor, tag.Id, 1, new TagInput("Forbidden", null), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().DeleteAsync(actor, tag.Id, 1, Cancel));
        }

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Tags.AnyAsync(t => t.Slug == "forbidden-tag", Cancel));
        Assert.Single(await database.AuditOf(TagEditor.EntityType, tag.Id));
    }
}

public sealed class SqliteTagEditorTests(SqliteTestDatabase database) : TagEditorTests<SqliteTestDatabase>(database);

/// <summary>
/// PostgreSQL also gets the race on a slug: SQLite holds its write lock for the create's whole transaction, so there
/// another writer cannot slip in between the check and the insert.
/// </summary>
public sealed class PostgreSqlTagEditorTests(PostgreSqlTestDatabase database) : TagEditorTests<PostgreSqlTestDatabase>(database)
{
    [Fact]
    public async Task A_slug_taken_between_the_check_and_the_insert_is_a_validation_error_and_leaves_one_tag()
    {
        Database.RequireAvailable();
        var racing = Database.WithWriteJustBeforeSave(db =>
        {
            db.Tags.Add(TestContent.Tag("contested-tag"));
            return db.SaveChangesAsync(Cancel);
        });

        var error = await FailsWith(ErrorCode.Validation, () => new TagEditor(racing, new FakeTimeProvider(TestContent.Now)).CreateAsync(TestActors.Editor, new TagInput("Contested tag", null), Cancel));

        Assert.Equal(["slug"], error.FieldErrors.Keys);
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(1, await db.Tags.CountAsync(t => t.Slug == "contested-tag", Cancel));
        Assert.Equal(0, await Database.AuditMentioning("Contested tag"));
    }
}
