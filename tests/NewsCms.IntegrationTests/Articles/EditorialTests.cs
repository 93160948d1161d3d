using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>
/// What the editorial test classes share: the services on a real database, a small newsroom to point at, staff of
/// every role, and a way to prove that a refused write left the database as it was.
/// </summary>
public abstract class EditorialTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected static readonly StaffActor Writer = Staff(101, StaffRoles.Writer);
    protected static readonly StaffActor OtherWriter = Staff(102, StaffRoles.Writer);
    protected static readonly StaffActor Editor = Staff(201, StaffRoles.Editor);
    protected static readonly StaffActor Administrator = Staff(301, StaffRoles.Administrator);
    protected static readonly StaffActor Partnerships = Staff(401, StaffRoles.Partnerships);

    private static readonly ConcurrentDictionary<string, Task<EditorialNewsroom>> Newsrooms = new();

    protected EditorialTests(TDatabase database) => Database = database;

    protected TDatabase Database { get; }

    protected FakeTimeProvider Clock { get; } = new(TestContent.Now);

    protected EditorialNewsroom Newsroom { get; private set; } = null!;

    protected ArticleEditor Editing => new(Database.Contexts, new MarkdownRenderer(), TestContent.MediaUrls, Clock);

    protected ArticlePublisher Publishing => new(Database.Contexts, Clock);

    protected ArticleRevisions Revisions => new(Database.Contexts, new MarkdownRenderer(), TestContent.MediaUrls, Clock);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database.RequireAvailable();

        // Each test class has its own database; the references its stories point at are made once for it.
        Newsroom = await Newsrooms.GetOrAdd(Database.ConnectionString, _ => EditorialNewsroom.SeedAsync(Database));
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static StaffActor Staff(int userId, string role) => new(userId, $"user{userId}@newscms.test", new HashSet<string> { role });

    /// <summary>A draft that meets every publishing rule; tests take away what they check.</summary>
    protected ArticleDraft Publishable(string slug, string markdown = "## Opening\n\nFirst paragraph.\n\nSecond paragraph.") => new()
    {
        Title = $"Title of {slug}",
        Slug = slug,
        Summary = $"Summary of {slug}",
        SectionId = Newsroom.SectionId,
        AuthorIds = [Newsroom.AuthorIds[0]],
        TagIds = [Newsroom.TagIds[0]],
        Markdown = markdown,
    };

    protected async Task<Article> CreatePublishableAsync(string slug, StaffActor? by = null) =>
        await Editing.CreateAsync(by ?? Writer, Publishable(slug), Cancel);

    protected async Task<Article> CreatePublishedAsync(string slug)
    {
        var article = await CreatePublishableAsync(slug);
        return await Publishing.PublishAsync(Editor, article.Id, article.Version, Cancel);
    }

    protected async Task<Article> LoadAsync(int articleId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Articles.AsNoTracking().Include(a => a.Body).Include(a => a.Authors).Include(a => a.Tags).SingleAsync(a => a.Id == articleId, Cancel);
    }

    protected async Task<RowCounts> CountRowsAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Cancel);
        return new RowCounts(
            await db.Articles.CountAsync(Cancel),
            await db.ArticleRevisions.CountAsync(Cancel),
            await db.AuditLog.CountAsync(Cancel),
            await db.ArticleSlugRedirects.CountAsync(Cancel),
            await db.ArticleAuthors.CountAsync(Cancel));
    }

    /// <summary>Runs a write that must be refused, and proves it wrote nothing: not the article, its revision, nor the audit row.</summary>
    protected async Task<NewsCmsException> RefusedAsync(ErrorCode expected, Func<Task> write)
    {
        var before = await CountRowsAsync();
        var error = await Assert.ThrowsAsync<NewsCmsException>(write);
        Assert.Equal(expected, error.Code);
        Assert.Equal(before, await CountRowsAsync());
        return error;
    }

    protected sealed record RowCounts(int Articles, int Revisions, int AuditEntries, int Redirects, int Bylines);
}

/// <summary>The sections, authors, tags and sponsor the editorial tests' stories refer to.</summary>
public sealed record EditorialNewsroom(int SectionId, int OtherSectionId, IReadOnlyList<int> AuthorIds, IReadOnlyList<int> TagIds, int SponsorId)
{
    public static async Task<EditorialNewsroom> SeedAsync(TestDatabase database)
    {
        var section = TestContent.Section("desk");
        var other = TestContent.Section("other-desk");
        var authors = new[] { TestContent.Author("ada-writer"), TestContent.Author("bo-writer"), TestContent.Author("cy-writer") };
        var tags = new[] { TestContent.Tag("economy"), TestContent.Tag("banks") };
        var sponsor = TestContent.Sponsor("acme-bank");
        await database.Contexts.SaveAsync([section, other, .. authors, .. tags, sponsor]);
        return new EditorialNewsroom(section.Id, other.Id, [.. authors.Select(a => a.Id)], [.. tags.Select(t => t.Id)], sponsor.Id);
    }
}
