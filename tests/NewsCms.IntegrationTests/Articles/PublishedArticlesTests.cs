using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Sections;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>The public visibility rule and keyset paging, on every database the tests can reach.</summary>
public abstract class PublishedArticlesTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly TDatabase database;
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    protected PublishedArticlesTests(TDatabase database) => this.database = database;

    private PublishedArticles Articles => new(database.Contexts, new SectionTree(database.Contexts), clock);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database.RequireAvailable();
        await database.SeedOnceAsync(SeedAsync);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task SeedAsync()
    {
        var now = TestContent.Now;
        var technology = TestContent.Section("technology");
        var cyber = TestContent.Section("cybersecurity", technology);
        var markets = TestContent.Section("markets");
        var reporter = TestContent.Author("ada-reporter");
        var other = TestContent.Author("bo-reporter");
        var ai = TestContent.Tag("ai");
        var sponsor = TestContent.Sponsor("ecredo");

        var stories = new List<object>();
        for (var i = 0; i < 30; i++)
        {
            // Pairs share a publish time so that the id tie-breaker is exercised across page boundaries.
            stories.Add(TestContent.Article($"story-{i:D2}", now.AddHours(-(i / 2)), i % 3 == 0 ? markets : technology, authors: [reporter], tags: i % 2 == 0 ? [ai] : []));
        }

        stories.Add(TestContent.Article("cyber-story", now.AddMinutes(-30), cyber, authors: [other, reporter], sponsor: sponsor));
        stories.Add(TestContent.Article("draft-story", null, technology, ArticleStatus.Draft, authors: [reporter], tags: [ai]));
        stories.Add(TestContent.Article("in-review-story", null, technology, ArticleStatus.InReview, authors: [reporter]));
        stories.Add(TestContent.Article("scheduled-story", now.AddHours(2), technology, ArticleStatus.Scheduled, authors: [reporter], tags: [ai]));
        stories.Add(TestContent.Article("future-dated-story", now.AddHours(3), technology, ArticleStatus.Published, authors: [reporter]));
        stories.Add(TestContent.Article("unpublished-story", now.AddDays(-3), technology, ArticleStatus.Unpublished, authors: [reporter]));
        stories.Add(TestContent.Article("archived-story", now.AddDays(-4), technology, ArticleStatus.Archived, authors: [reporter]));
        await database.Contexts.SaveAsync([.. stories]);
    }

    [Fact]
    public async Task The_list_shows_only_published_stories_whose_time_has_come_newest_first()
    {
        var page = await Articles.ListAsync(ArticleListFilter.None, new PageRequest(100, null), Cancel);

        Assert.Equal(31, page.Items.Count);
        Assert.DoesNotContain(page.Items, a => a.Slug is "draft-story" or "in-review-story" or "scheduled-story" or "future-dated-story" or "unpublished-story" or "archived-story");
        Assert.Equal(page.Items.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id), page.Items.Select(a => a.Id));
        Assert.Equal("cyber-story", page.Items[2].Slug);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task Walking_the_pages_visits_every_story_once_in_order()
    {
        var seen = new List<string>();
        string? after = null;
        Page<Article> page;
        do
        {
            page = await Articles.ListAsync(ArticleListFilter.None, new PageRequest(7, after), Cancel);
            seen.AddRange(page.Items.Select(a => a.Slug));
            Assert.Equal(after is not null, page.HasPreviousPage);
            after = page.Items.Count > 0 ? page.CursorOf(page.Items[^1]) : null;
        }
        while (page.HasNextPage);

        var all = await Articles.ListAsync(ArticleListFilter.None, new PageRequest(100, null), Cancel);
        Assert.Equal(all.Items.Select(a => a.Slug), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_section_filter_includes_the_sections_nested_in_it()
    {
        var technology = await Articles.ListAsync(new ArticleListFilter(SectionSlug: "technology"), new PageRequest(100, null), Cancel);
        var cyber = await Articles.ListAsync(new ArticleListFilter(SectionSlug: "cybersecurity"), new PageRequest(100, null), Cancel);
        var unknown = await Articles.ListAsync(new ArticleListFilter(SectionSlug: "no-such-section"), new PageRequest(100, null), Cancel);

        Assert.Contains(technology.Items, a => a.Slug == "cyber-story");
        Assert.Equal(21, technology.Items.Count); // 20 technology stories and the cybersecurity one
        Assert.Equal(["cyber-story"], cyber.Items.Select(a => a.Slug));
        Assert.Empty(unknown.Items);
    }

    [Fact]
    public async Task Tag_and_author_filters_apply_the_same_visibility_rule()
    {
        var tagged = await Articles.ListAsync(new ArticleListFilter(TagSlug: "ai"), new PageRequest(100, null), Cancel);
        var byBo = await Articles.ListAsync(new ArticleListFilter(AuthorSlug: "bo-reporter"), new PageRequest(100, null), Cancel);

        Assert.Equal(15, tagged.Items.Count);
        Assert.DoesNotContain(tagged.Items, a => a.Slug is "draft-story" or "scheduled-story");
        Assert.Equal(["cyber-story"], byBo.Items.Select(a => a.Slug));
    }

    [Fact]
    public async Task A_scheduled_time_passing_alone_does_not_publish_but_a_due_published_story_appears()
    {
        Assert.Null(await Articles.FindBySlugAsync("future-dated-story", Cancel));

        clock.Advance(TimeSpan.FromHours(4)); // each test has its own clock

        Assert.NotNull(await Articles.FindBySlugAsync("future-dated-story", Cancel));
        Assert.Null(await Articles.FindBySlugAsync("scheduled-story", Cancel)); // publishing it is the scheduler's job
    }

    [Theory]
    [InlineData("draft-story")]
    [InlineData("in-review-story")]
    [InlineData("scheduled-story")]
    [InlineData("unpublished-story")]
    [InlineData("archived-story")]
    public async Task Hidden_stories_cannot_be_found_by_slug_or_id(string slug)
    {
        Assert.Null(await Articles.FindBySlugAsync(slug, Cancel));

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var id = db.Articles.Single(a => a.Slug == slug).Id;
        Assert.Empty(await Articles.FindByIdsAsync([id], Cancel));
    }

    [Fact]
    public async Task Bylines_keep_their_printed_order_and_bodies_load_apart_from_rows()
    {
        var story = await Articles.FindBySlugAsync("cyber-story", Cancel);
        Assert.NotNull(story);
        Assert.Null(story.Body);

        var bylines = await Articles.AuthorsAsync([story.Id], Cancel);
        Assert.Equal(["bo-reporter", "ada-reporter"], bylines[story.Id].Select(a => a.Slug));

        var bodies = await Articles.BodiesAsync([story.Id], Cancel);
        Assert.Contains("<h2", bodies[story.Id].Html, StringComparison.Ordinal);
        Assert.Equal("opening", Assert.Single(bodies[story.Id].Outline).Anchor);
    }

    [Fact]
    public async Task A_story_page_reads_row_body_and_byline_together_in_printed_order()
    {
        var page = await Articles.FindBySlugWithBodyAsync("cyber-story", withBylines: true, Cancel);

        Assert.NotNull(page);
        Assert.Equal("cyber-story", page.Article.Slug);
        Assert.Equal(["bo-reporter", "ada-reporter"], page.Bylines!.Select(a => a.Slug));
        Assert.Contains("<h2", page.Body.Html, StringComparison.Ordinal);
        Assert.Equal("opening", Assert.Single(page.Body.Outline).Anchor);

        var withoutBylines = await Articles.FindBySlugWithBodyAsync("cyber-story", withBylines: false, Cancel);
        Assert.Null(withoutBylines!.Bylines);
        Assert.Equal(page.Body, withoutBylines.Body with { Outline = page.Body.Outline });
    }

    [Theory]
    [InlineData("draft-story")]
    [InlineData("scheduled-story")]
    [InlineData("future-dated-story")]
    [InlineData("unpublished-story")]
    [InlineData("no-such-story")]
    public async Task A_story_page_of_a_story_readers_may_not_see_is_not_found(string slug)
    {
        Assert.Null(await Articles.FindBySlugWithBodyAsync(slug, withBylines: true, Cancel));
        Assert.Null(await Articles.FindBySlugWithBodyAsync(slug, withBylines: false, Cancel));
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_here_is_a_validation_error()
    {
        var error = await Assert.ThrowsAsync<NewsCmsException>(() => Articles.ListAsync(ArticleListFilter.None, new PageRequest(5, "not-a-cursor"), Cancel));
        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains("after", error.FieldErrors.Keys);
    }
}

public sealed class SqlitePublishedArticlesTests(SqliteTestDatabase database) : PublishedArticlesTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlPublishedArticlesTests(PostgreSqlTestDatabase database) : PublishedArticlesTests<PostgreSqlTestDatabase>(database);
