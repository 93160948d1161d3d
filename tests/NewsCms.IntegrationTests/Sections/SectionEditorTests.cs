using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.Sections;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Sections;

/// <summary>Editors creating, changing and deleting sections: every rule, and that a refusal writes nothing.</summary>
public abstract class SectionEditorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    private SectionTree? tree;

    // Made on first use: the database of a skipped provider has no contexts to give.
    protected SectionTree Tree => tree ??= new(database.Contexts);

    protected SectionEditor Editor() => new(database.Contexts, Tree, new FakeTimeProvider(TestContent.Now));

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static SectionInput Input(string name, string? slug = null, int? parentId = null, string? description = null) =>
        new(name, slug, description, parentId, 0);

    [Fact]
    public async Task Create_makes_the_slug_from_the_name_starts_at_version_1_audits_and_shows_in_the_tree_at_once()
    {
        database.RequireAvailable();
        Assert.Null(await Tree.FindBySlugAsync("creation-desk", Cancel)); // the snapshot is loaded before the write

        var section = await Editor().CreateAsync(TestActors.Editor, Input("  Création Desk ", description: "Stories about making things."), Cancel);

        Assert.Equal("creation-desk", section.Slug);
        Assert.Equal("Création Desk", section.Name);
        Assert.Equal(1, section.Version);
        Assert.Equal(section.Id, (await Tree.FindBySlugAsync("creation-desk", Cancel))?.Id);
        Assert.Equal([("createSection", (int?)TestActors.Editor.UserId)], await database.AuditOf(SectionEditor.EntityType, section.Id));
    }

    [Fact]
    public async Task Update_replaces_the_fields_keeps_the_slug_when_none_is_given_and_increments_the_version()
    {
        database.RequireAvailable();
        var parent = await Editor().CreateAsync(TestActors.Editor, Input("Update parent"), Cancel);
        var section = await Editor().CreateAsync(TestActors.Administrator, Input("Update me", description: "Old"), Cancel);

        var updated = await Editor().UpdateAsync(TestActors.Editor, section.Id, 1, new SectionInput("Updated name", null, null, parent.Id, 5), Cancel);

        Assert.Equal(2, updated.Version);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id, Cancel);
        Assert.Equal(("Updated name", "update-me", null, parent.Id, 5, 2), (stored.Name, stored.Slug, stored.Description, stored.ParentId, stored.DisplayOrder, stored.Version));
        Assert.Equal(["createSection", "updateSection"], (await database.AuditOf(SectionEditor.EntityType, section.Id)).Select(a => a.Operation));
        Assert.Equal(parent.Id, (await Tree.FindBySlugAsync("update-me", Cancel))?.ParentId);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_carrying_the_current_version_and_changes_nothing()
    {
        database.RequireAvailable();
        var section = await Editor().CreateAsync(TestActors.Editor, Input("Stale section"), Cancel);
        await Editor().UpdateAsync(TestActors.Editor, section.Id, 1, Input("Stale section renamed"), Cancel);

        var update = await FailsWith(ErrorCode.Conflict, () => Editor().UpdateAsync(TestActors.Editor, section.Id, 1, Input("Lost update"), Cancel));
        var delete = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, section.Id, 1, Cancel));

        Assert.Equal(2, update.Details["currentVersion"]);
        Assert.Equal(2, delete.Details["currentVersion"]);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal("Stale section renamed", (await db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id, Cancel)).Name);
        Assert.Equal(2, (await database.AuditOf(SectionEditor.EntityType, section.Id)).Count);
    }

    [Fact]
    public async Task An_editor_who_saves_between_the_check_and_the_write_turns_the_update_into_a_conflict()
    {
        database.RequireAvailable();
        var section = await Editor().CreateAsync(TestActors.Editor, Input("Raced section"), Cancel);
        var racing = database.WithWriteJustBeforeSave(db => db.Sections.Where(s => s.Id == section.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.Name, "Winner"), Cancel));

        var error = await FailsWith(ErrorCode.Conflict, () =>
            new SectionEditor(racing, Tree, new FakeTimeProvider(TestContent.Now)).UpdateAsync(TestActors.Editor, section.Id, 1, Input("Loser"), Cancel));

        Assert.Equal(2, error.Details["currentVersion"]);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal("Winner", (await db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id, Cancel)).Name);
        Assert.Equal(["createSection"], (await database.AuditOf(SectionEditor.EntityType, section.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task Bad_fields_are_refused_field_by_field_and_nothing_is_written()
    {
        database.RequireAvailable();
        await Editor().CreateAsync(TestActors.Editor, Input("Taken", "taken-section"), Cancel);

        var blank = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, Input("   ", "blank-name"), Cancel));
        var many = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(
            TestActors.Editor, Input(new string('n', Section.NameMaxLength + 1), "Not A Slug", description: new string('d', Section.DescriptionMaxLength + 1)), Cancel));
        var taken = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, Input("Taken again", "taken-section"), Cancel));
        var unslugged = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, Input("東京"), Cancel));
        var orphan = await FailsWith(ErrorCode.Validation, () => Editor().CreateAsync(TestActors.Editor, Input("Orphan", parentId: 999_999), Cancel));

        Assert.Equal(["name"], blank.FieldErrors.Keys);
        Assert.Equal(["description", "name", "slug"], many.FieldErrors.Keys.Order());
        Assert.Equal(["slug"], taken.FieldErrors.Keys);
        Assert.Equal(["slug"], unslugged.FieldErrors.Keys);
        Assert.Equal(["parentId"], orphan.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(1, await db.Sections.CountAsync(s => s.Slug == "taken-section" || s.Slug == "blank-name" || s.Name == "Taken again" || s.Name == "Orphan", Cancel));
        Assert.Equal(0, await database.AuditMentioning("Taken again") + await database.AuditMentioning("Orphan"));
    }

    [Fact]
    public async Task A_section_cannot_become_its_own_ancestor()
    {
        database.RequireAvailable();
        var top = await Editor().CreateAsync(TestActors.Editor, Input("Cycle top"), Cancel);
        var middle = await Editor().CreateAsync(TestActors.Editor, Input("Cycle middle", parentId: top.Id), Cancel);
        var bottom = await Editor().CreateAsync(TestActors.Editor, Input("Cycle bottom", parentId: middle.Id), Cancel);

        var self = await FailsWith(ErrorCode.Validation, () => Editor().UpdateAsync(TestActors.Editor, top.Id, 1, Input("Cycle top", parentId: top.Id), Cancel));
        var below = await FailsWith(ErrorCode.Validation, () => Editor().UpdateAsync(TestActors.Editor, top.Id, 1, Input("Cycle top", parentId: bottom.Id), Cancel));

        Assert.Equal(["parentId"], self.FieldErrors.Keys);
        Assert.Equal(["parentId"], below.FieldErrors.Keys);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Sections.AsNoTracking().SingleAsync(s => s.Id == top.Id, Cancel);
        Assert.Equal((null, 1), (stored.ParentId, stored.Version));

        // Moving a branch to another place that is not below itself is fine.
        var moved = await Editor().UpdateAsync(TestActors.Editor, bottom.Id, 1, Input("Cycle bottom", parentId: top.Id), Cancel);
        Assert.Equal(top.Id, moved.ParentId);
    }

    [Fact]
    public async Task Two_editors_nesting_two_sections_in_each_other_at_once_never_make_a_cycle()
    {
        database.RequireAvailable();
        var barrier = new RaceBarrier();
        var racing = new SectionEditor(database.WithSavesMeetingAt(barrier), Tree, new FakeTimeProvider(TestContent.Now));

        for (var round = 0; round < 5; round++)
        {
            var first = await Editor().CreateAsync(TestActors.Editor, Input($"Race first {round}"), Cancel);
            var second = await Editor().CreateAsync(TestActors.Editor, Input($"Race second {round}"), Cancel);
            barrier.Arm(2);

            var refusals = await Task.WhenAll(
                RefusalOf(() => racing.UpdateAsync(TestActors.Editor, first.Id, 1, Input(first.Name, parentId: second.Id), Cancel)),
                RefusalOf(() => racing.UpdateAsync(TestActors.Administrator, second.Id, 1, Input(second.Name, parentId: first.Id), Cancel)));

            Assert.Single(refusals, r => r is null);
            var refused = Assert.Single(refusals, r => r is not null)!;
            Assert.Equal(ErrorCode.Validation, refused.Code);
            Assert.Equal(["parentId"], refused.FieldErrors.Keys);
            await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
            var parents = await db.Sections.AsNoTracking().Where(s => s.Id == first.Id || s.Id == second.Id).Select(s => s.ParentId).ToListAsync(Cancel);
            Assert.Single(parents, p => p is not null);
            var updates = (await database.AuditOf(SectionEditor.EntityType, first.Id)).Concat(await database.AuditOf(SectionEditor.EntityType, second.Id));
            Assert.Single(updates, a => a.Operation == "updateSection");
        }
    }

    [Fact]
    public async Task A_section_with_stories_or_subsections_is_not_deleted()
    {
        database.RequireAvailable();
        var withDraft = await Editor().CreateAsync(TestActors.Editor, Input("Holds a draft"), Cancel);
        var withChild = await Editor().CreateAsync(TestActors.Editor, Input("Holds a child"), Cancel);
        await Editor().CreateAsync(TestActors.Editor, Input("The child", parentId: withChild.Id), Cancel);
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            var draft = TestContent.Article("draft-in-doomed-section", null, status: Core.Articles.ArticleStatus.Draft);
            draft.SectionId = withDraft.Id;
            db.Add(draft);
            await db.SaveChangesAsync(Cancel);
        }

        var stories = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, withDraft.Id, 1, Cancel));
        var children = await FailsWith(ErrorCode.Conflict, () => Editor().DeleteAsync(TestActors.Editor, withChild.Id, 1, Cancel));

        Assert.Contains("1 story", stories.Message, StringComparison.Ordinal);
        Assert.Contains("1 subsection", children.Message, StringComparison.Ordinal);
        await using var check = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(2, await check.Sections.CountAsync(s => s.Id == withDraft.Id || s.Id == withChild.Id, Cancel));
        Assert.Equal(["createSection"], (await database.AuditOf(SectionEditor.EntityType, withDraft.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task Delete_removes_the_section_from_the_database_and_the_tree_and_audits()
    {
        database.RequireAvailable();
        var section = await Editor().CreateAsync(TestActors.Editor, Input("Short lived"), Cancel);
        Assert.NotNull(await Tree.FindBySlugAsync("short-lived", Cancel));

        await Editor().DeleteAsync(TestActors.Editor, section.Id, 1, Cancel);

        Assert.Null(await Tree.FindBySlugAsync("short-lived", Cancel));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sections.AnyAsync(s => s.Id == section.Id, Cancel));
        Assert.Equal(["createSection", "deleteSection"], (await database.AuditOf(SectionEditor.EntityType, section.Id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        database.RequireAvailable();

        await FailsWith(ErrorCode.NotFound, () => Editor().UpdateAsync(TestActors.Editor, 987_654, 1, Input("Nobody"), Cancel));
        await FailsWith(ErrorCode.NotFound, () => Editor().DeleteAsync(TestActors.Editor, 987_654, 1, Cancel));
    }

    [Fact]
    public async Task Roles_without_taxonomy_rights_are_refused_and_write_nothing()
    {
        database.RequireAvailable();
        var section = await Editor().CreateAsync(TestActors.Editor, Input("Guarded section"), Cancel);

        foreach (var actor in new[] { TestActors.Writer, TestActors.Partnerships })
        {
            await FailsWith(ErrorCode.Forbidden, () => Editor().CreateAsync(actor, Input("Forbidden section"), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().UpdateAsync(actor, section.Id, 1, Input("Forbidden rename"), Cancel));
            await FailsWith(ErrorCode.Forbidden, () => Editor().DeleteAsync(actor, section.Id, 1, Cancel));
        }

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Sections.AnyAsync(s => s.Slug == "forbidden-section", Cancel));
        var stored = await db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id, Cancel);
        Assert.Equal(("Guarded section", 1), (stored.Name, stored.Version));
        Assert.Single(await database.AuditOf(SectionEditor.EntityType, section.Id));
    }
}

public sealed class SqliteSectionEditorTests(SqliteTestDatabase database) : SectionEditorTests<SqliteTestDatabase>(database);

/// <summary>
/// PostgreSQL also gets the race on a deleted parent: SQLite holds its write lock from a move's checks to its write, so
/// there no delete can come in between.
/// </summary>
public sealed class PostgreSqlSectionEditorTests(PostgreSqlTestDatabase database) : SectionEditorTests<PostgreSqlTestDatabase>(database)
{
    [Fact]
    public async Task A_parent_deleted_between_the_check_and_the_write_is_a_validation_error_of_parentId()
    {
        Database.RequireAvailable();
        var parent = await Editor().CreateAsync(TestActors.Editor, Input("Vanishing parent"), Cancel);
        var section = await Editor().CreateAsync(TestActors.Editor, Input("Moving child"), Cancel);
        var racing = Database.WithWriteJustBeforeSave(db => db.Sections.Where(s => s.Id == parent.Id).ExecuteDeleteAsync(Cancel));

        var error = await FailsWith(ErrorCode.Validation, () =>
            new SectionEditor(racing, Tree, new FakeTimeProvider(TestContent.Now)).UpdateAsync(TestActors.Editor, section.Id, 1, Input("Moving child", parentId: parent.Id), Cancel));

        Assert.Equal(["parentId"], error.FieldErrors.Keys);
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id, Cancel);
        Assert.Equal((null, 1), (stored.ParentId, stored.Version));
    }
}
