using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Audit;

/// <summary>The audit log's reader (filters, newest first, keyset pages) and its append-only guard, on every database.</summary>
public abstract class AuditLogTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly StaffActor Auditor = new(0, "auditor@newsroom.test", new HashSet<string> { StaffRoles.Administrator });

    private AuditLogReader Reader => new(database.Contexts);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_entitys_history_comes_newest_first_in_pages_that_follow_each_other()
    {
        database.RequireAvailable();
        var article = NewEntityId();
        await RecordAsync(Actor("ada"), Enumerable.Range(1, 5).Select(i => ("Article", article, $"edit {i}")).ToArray());
        await RecordAsync(Actor("ada"), ("Article", NewEntityId(), "another story"), ("Section", article, "a section with the same number"));
        var filter = new AuditLogFilter("Article", article);

        var first = await Reader.ListAsync(Auditor, filter, new PageRequest(2, null), Cancel);
        var second = await Reader.ListAsync(Auditor, filter, new PageRequest(2, first.CursorOf(first.Items[^1])), Cancel);
        var last = await Reader.ListAsync(Auditor, filter, new PageRequest(2, second.CursorOf(second.Items[^1])), Cancel);

        Assert.Equal(["edit 5", "edit 4"], first.Items.Select(e => e.Summary));
        Assert.Equal(["edit 3", "edit 2"], second.Items.Select(e => e.Summary));
        Assert.Equal(["edit 1"], last.Items.Select(e => e.Summary));
        Assert.True(first.HasNextPage && second.HasNextPage);
        Assert.False(last.HasNextPage);
        Assert.False(first.HasPreviousPage);
        Assert.True(second.HasPreviousPage);
    }

    [Fact]
    public async Task The_actor_filter_finds_an_accounts_entries_by_email_in_any_case_and_system_jobs_by_name()
    {
        database.RequireAvailable();
        var email = $"Grace-{Guid.NewGuid():N}@Newsroom.test";
        var user = new StaffUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = "Grace", CreatedAt = TestContent.Now };
        await database.Contexts.SaveAsync(user);
        var grace = new StaffActor(user.Id, email, new HashSet<string> { StaffRoles.Editor });
        var entity = NewEntityId();
        await RecordAsync(grace, ("Article", entity, "by grace"), ("Tag", entity, "also by grace"));
        await RecordAsync(Actor("someone-else"), ("Article", entity, "by someone else"));
        var job = $"job{Guid.NewGuid():N}";
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.RecordSystem(job, TestContent.Now, "liftEmbargo", "Article", entity, "by the scheduler");
            await db.SaveChangesAsync(Cancel);
        }

        var byGrace = await Reader.ListAsync(Auditor, new AuditLogFilter(Actor: email.ToLowerInvariant()), new PageRequest(10, null), Cancel);
        var byJob = await Reader.ListAsync(Auditor, new AuditLogFilter(Actor: $"system:{job}"), new PageRequest(10, null), Cancel);
        var graceOnArticle = await Reader.ListAsync(Auditor, new AuditLogFilter("Article", entity, email), new PageRequest(10, null), Cancel);
        var nobody = await Reader.ListAsync(Auditor, new AuditLogFilter(Actor: "nobody@newsroom.test"), new PageRequest(10, null), Cancel);

        Assert.Equal(["also by grace", "by grace"], byGrace.Items.Select(e => e.Summary));
        Assert.Equal(["by the scheduler"], byJob.Items.Select(e => e.Summary));
        Assert.Equal(["by grace"], graceOnArticle.Items.Select(e => e.Summary));
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task Operation_type_and_period_filters_combine_and_the_period_ends_before_its_until()
    {
        database.RequireAvailable();
        // A job of its own keeps this test's entries apart from the other tests' in the shared database.
        var job = $"job{Guid.NewGuid():N}";
        var entity = NewEntityId();
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.RecordSystem(job, TestContent.Now.AddDays(-2), "publishArticle", "Article", entity, "published two days ago");
            db.RecordSystem(job, TestContent.Now.AddHours(-1), "publishArticle", "Article", entity, "published an hour ago");
            db.RecordSystem(job, TestContent.Now.AddHours(-1), "publishArticle", "Sponsor", entity, "another type");
            db.RecordSystem(job, TestContent.Now.AddHours(-1), "liftEmbargo", "Article", entity, "another operation");
            db.RecordSystem(job, TestContent.Now, "publishArticle", "Article", entity, "published now");
            await db.SaveChangesAsync(Cancel);
        }

        var actor = $"system:{job}";
        var published = await Reader.ListAsync(Auditor, new AuditLogFilter(EntityType: "Article", Actor: actor, Operation: "publishArticle"), new PageRequest(10, null), Cancel);
        var lastDay = await Reader.ListAsync(
            Auditor,
            new AuditLogFilter(EntityType: "Article", Actor: actor, Operation: "publishArticle", From: TestContent.Now.AddDays(-1), Until: TestContent.Now),
            new PageRequest(10, null),
            Cancel);
        var backwards = await Assert.ThrowsAsync<NewsCmsException>(() => Reader.ListAsync(
            Auditor, new AuditLogFilter(From: TestContent.Now, Until: TestContent.Now.AddDays(-1)), new PageRequest(10, null), Cancel));

        Assert.Equal(["published an hour ago", "published now", "published two days ago"], published.Items.Select(e => e.Summary).Order(StringComparer.Ordinal));
        Assert.Equal(["published an hour ago"], lastDay.Items.Select(e => e.Summary));
        Assert.Equal(ErrorCode.Validation, backwards.Code);
        Assert.Contains("until", backwards.FieldErrors.Keys);
    }

    [Fact]
    public async Task Only_roles_with_the_audit_permission_read_the_log_and_foreign_cursors_are_refused()
    {
        database.RequireAvailable();
        var editor = new StaffActor(1, "editor@newsroom.test", new HashSet<string> { StaffRoles.Editor });

        var forbidden = await Assert.ThrowsAsync<NewsCmsException>(() => Reader.ListAsync(editor, AuditLogFilter.None, new PageRequest(5, null), Cancel));
        var badCursor = await Assert.ThrowsAsync<NewsCmsException>(() => Reader.ListAsync(Auditor, AuditLogFilter.None, new PageRequest(5, "not-a-cursor"), Cancel));

        Assert.Equal(ErrorCode.Forbidden, forbidden.Code);
        Assert.Equal(ErrorCode.Validation, badCursor.Code);
        Assert.Contains("after", badCursor.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_saved_entry_can_be_neither_changed_nor_deleted()
    {
        database.RequireAvailable();
        var entity = NewEntityId();
        await RecordAsync(Actor("ada"), ("Article", entity, "the original"));

        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            var entry = await db.AuditLog.SingleAsync(e => e.EntityId == entity, Cancel);
            entry.Summary = "rewritten history";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync(e => e.EntityId == entity, Cancel));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            Assert.Equal("the original", (await db.AuditLog.SingleAsync(e => e.EntityId == entity, Cancel)).Summary);
        }
    }

    private static StaffActor Actor(string name) => new(0, $"{name}@newsroom.test", new HashSet<string> { StaffRoles.Writer });

    // Each test writes entries about its own entity, because the class's tests share one database.
    private static string NewEntityId() => Random.Shared.Next(1_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task RecordAsync(StaffActor actor, params (string Type, string Id, string Summary)[] entries)
    {
        foreach (var (type, id, summary) in entries)
        {
            // One save per entry, as the services do, so the ids follow the order of the changes.
            await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
            db.Record(actor, TestContent.Now, "edit", type, id, summary);
            await db.SaveChangesAsync(Cancel);
        }
    }
}

public sealed class SqliteAuditLogTests(SqliteTestDatabase database) : AuditLogTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlAuditLogTests(PostgreSqlTestDatabase database) : AuditLogTests<PostgreSqlTestDatabase>(database);
