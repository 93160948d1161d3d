using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Sections;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>The newsroom's list of stories: each filter of the stories desk and dashboard, combined, and paged.</summary>
public abstract class EditorialArticleListTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly StaffActor Editor = new(5201, "editor@newsroom.test", new HashSet<string> { StaffRoles.Editor });
    private static readonly StaffActor Partnerships = new(5401, "partners@newsroom.test", new HashSet<string> { StaffRoles.Partnerships });
    private const int WriterId = 5101;

    private readonly TDatabase database;
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    protected EditorialArticleListTests(TDatabase database) => this.database = database;

    private EditorialArticles Articles => new(database.Contexts, clock);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Every story of this class sits in its own section, so a filter on it ignores whatever other tests add.
    private int SectionId { get; set; }

    private int OtherSectionId { get; set; }

    private int AuthorId { get; set; }

    public async ValueTask InitializeAsync()
    {
        database.RequireAvailable();
        await database.SeedOnceAsync(SeedAsync);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        SectionId = db.Sections.Single(s => s.Slug == "listed-desk").Id;
        OtherSectionId = db.Sections.Single(s => s.Slug == "listed-other").Id;
        AuthorId = db.Authors.Single(a => a.Slug == "listed-author").Id;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task SeedAsync()
    {
        var now = TestContent.Now;
        var desk = TestContent.Section("listed-desk");
        var other = TestContent.Section("listed-other");
        var author = TestContent.Author("listed-author");
        var nobody = TestContent.Author("listed-nobody");

        Article Story(string slug, ArticleStatus status, DateTime updatedAt, DateTime? publishedAt = null, Section? section = null, Author? by = null)
        {
            var story = TestContent.Article(slug, publishedAt, section ?? desk, status, authors: [by ?? nobody]);
            story.UpdatedAt = updatedAt;
            story.CreatedAt = updatedAt;
            return story;
        }

        var mine = Story("listed-my-draft", ArticleStatus.Draft, now.AddHours(-1), by: author);
        mine.CreatedByUserId = WriterId;
        var review = Story("listed-in-review", ArticleStatus.InReview, now.AddHours(-2));
        review.Title = "Quarterly BANK results";
        var scheduled = Story("listed-scheduled", ArticleStatus.Scheduled, now.AddHours(-3), now.AddHours(5));
        var embargoed = Story("listed-embargoed", ArticleStatus.Published, now.AddHours(-4), now.AddHours(-4));
        embargoed.EmbargoUntil = now.AddHours(1);
        var lifted = Story("listed-lifted", ArticleStatus.Published, now.AddHours(-5), now.AddHours(-5));
        lifted.EmbargoUntil = now.AddMinutes(-1);
        var breaking = Story("listed-breaking", ArticleStatus.Published, now.AddHours(-6), now.AddHours(-6), by: author);
        breaking.IsBreaking = true;
        breaking.BreakingUntil = now.AddHours(1);
        var expired = Story("listed-breaking-expired", ArticleStatus.Published, now.AddHours(-7), now.AddDays(-2));
        expired.IsBreaking = true;
        expired.BreakingUntil = now.AddMinutes(-5);
        var elsewhere = Story("listed-elsewhere", ArticleStatus.Draft, now.AddHours(-8), section: other, by: author);
        var stories = new List<Article> { mine, review, scheduled, embargoed, lifted, breaking, expired, elsewhere };
        for (var i = 0; i < 7; i++)
        {
            // Pairs share a save time, so the id tie-breaker is crossed by page boundaries.
            stories.Add(Story($"listed-paged-{i}", ArticleStatus.Draft, now.AddDays(-1).AddHours(-(i / 2)), section: other));
        }

        await database.Contexts.SaveAsync([desk, other, author, nobody, .. stories]);
    }

    private async Task<IReadOnlyList<string>> SlugsAsync(EditorialArticleFilter filter)
    {
        var page = await Articles.ListAsync(Editor, filter, new PageRequest(100, null), Cancel);
        return [.. page.Items.Select(a => a.Slug)];
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_and_they_combine()
    {
        Assert.Equal(
            ["listed-my-draft", "listed-in-review", "listed-scheduled", "listed-embargoed", "listed-lifted", "listed-breaking", "listed-breaking-expired"],
            await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId)));
        Assert.Equal(["listed-in-review"], await SlugsAsync(new EditorialArticleFilter(Status: ArticleStatus.InReview, SectionId: SectionId)));
        Assert.Equal(["listed-in-review"], await SlugsAsync(new EditorialArticleFilter(Search: "  quarterly bank ")));
        Assert.Equal(["listed-breaking-expired"], await SlugsAsync(new EditorialArticleFilter(Search: "LISTED-BREAKING-EXP")));
        Assert.Equal(["listed-my-draft", "listed-breaking", "listed-elsewhere"], await SlugsAsync(new EditorialArticleFilter(AuthorId: AuthorId)));
        Assert.Equal(["listed-my-draft", "listed-elsewhere"], await SlugsAsync(new EditorialArticleFilter(Status: ArticleStatus.Draft, AuthorId: AuthorId)));
        Assert.Equal(["listed-my-draft"], await SlugsAsync(new EditorialArticleFilter(Status: ArticleStatus.Draft, CreatedByUserId: WriterId)));
        Assert.Equal(
            ["listed-in-review", "listed-scheduled", "listed-embargoed"],
            await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, ChangedFrom: TestContent.Now.AddHours(-4), ChangedTo: TestContent.Now.AddHours(-1))));
        Assert.Equal(
            ["listed-scheduled", "listed-embargoed", "listed-lifted", "listed-breaking"],
            await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, PublishedFrom: TestContent.Now.AddHours(-6))));
    }

    [Fact]
    public async Task Embargoed_and_breaking_now_are_read_against_the_clock()
    {
        Assert.Equal(["listed-embargoed"], await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, EmbargoedOnly: true)));
        Assert.Equal(["listed-breaking"], await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, BreakingOnly: true)));

        clock.SetUtcNow(TestContent.Now.AddHours(2));
        Assert.Empty(await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, EmbargoedOnly: true)));
        Assert.Empty(await SlugsAsync(new EditorialArticleFilter(SectionId: SectionId, BreakingOnly: true)));
    }

    [Fact]
    public async Task Walking_a_filtered_list_page_by_page_visits_each_story_once_in_order()
    {
        var filter = new EditorialArticleFilter(Status: ArticleStatus.Draft, SectionId: OtherSectionId);
        var seen = new List<string>();
        string? after = null;
        Page<Article> page;
        do
        {
            page = await Articles.ListAsync(Editor, filter, new PageRequest(3, after), Cancel);
            seen.AddRange(page.Items.Select(a => a.Slug));
            Assert.Equal(after is not null, page.HasPreviousPage);
            after = page.Items.Count > 0 ? page.CursorOf(page.Items[^1]) : null;
        }
        while (page.HasNextPage);

        // Within a pair saved at the same time, the later id comes first.
        Assert.Equal(["listed-elsewhere", .. new[] { 1, 0, 3, 2, 5, 4, 6 }.Select(i => $"listed-paged-{i}")], seen);
    }

    [Fact]
    public async Task The_author_filter_offers_every_author_by_name()
    {
        var authors = await new AuthorDirectory(database.Contexts).ListAsync(null, AuthorDirectory.MaxListed, Cancel);

        Assert.Equal(["listed-author", "listed-nobody"], authors.Where(a => a.Slug.StartsWith("listed-", StringComparison.Ordinal)).Select(a => a.Slug));
    }

    [Fact]
    public async Task A_role_without_drafts_is_refused_and_an_overlong_search_is_invalid()
    {
        var forbidden = await Assert.ThrowsAsync<NewsCmsException>(() => Articles.ListAsync(Partnerships, EditorialArticleFilter.None, new PageRequest(5, null), Cancel));
        Assert.Equal(ErrorCode.Forbidden, forbidden.Code);
        var invalid = await Assert.ThrowsAsync<NewsCmsException>(() => Articles.ListAsync(Editor, new EditorialArticleFilter(Search: new string('x', 201)), new PageRequest(5, null), Cancel));
        Assert.Equal(["search"], invalid.FieldErrors.Keys);
    }
}

public sealed class SqliteEditorialArticleListTests(SqliteTestDatabase database) : EditorialArticleListTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlEditorialArticleListTests(PostgreSqlTestDatabase database) : EditorialArticleListTests<PostgreSqlTestDatabase>(database);
