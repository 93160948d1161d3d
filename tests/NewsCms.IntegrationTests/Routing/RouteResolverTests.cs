using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Routing;
using NewsCms.Core.Sections;
using NewsCms.Core.Tags;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Routing;

/// <summary>What a URL path shows: every kind, the redirects of retired slugs, and never a story readers may not see.</summary>
public abstract class RouteResolverTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RouteResolver Routes()
    {
        var clock = new FakeTimeProvider(TestContent.Now);
        var tree = new SectionTree(database.Contexts);
        return new RouteResolver(database.Contexts, new PublishedArticles(database.Contexts, tree, clock), tree, new AuthorDirectory(database.Contexts), new TagDirectory(database.Contexts));
    }

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
        var live = TestContent.Article("route-live", now.AddHours(-1), TestContent.Section("route-markets"), authors: [TestContent.Author("route-ada")], tags: [TestContent.Tag("route-ai")]);
        var reused = TestContent.Article("route-reused", now.AddHours(-2));
        var draft = TestContent.Article("route-draft", null, status: ArticleStatus.Draft);
        var embargoed = TestContent.Article("route-embargoed", now.AddHours(-1));
        embargoed.EmbargoUntil = now.AddHours(1);
        var scheduled = TestContent.Article("route-scheduled", now.AddHours(1), status: ArticleStatus.Scheduled);
        var withdrawn = TestContent.Article("route-withdrawn", now.AddDays(-1), status: ArticleStatus.Unpublished);
        await database.Contexts.SaveAsync(live, reused, draft, embargoed, scheduled, withdrawn);
        await database.Contexts.SaveAsync(
            Redirect("route-live-old", live),
            Redirect("route-live-older", live),
            Redirect("route-reused", live),
            Redirect("route-draft-old", draft),
            Redirect("route-embargoed-old", embargoed),
            Redirect("route-scheduled-old", scheduled),
            Redirect("route-withdrawn-old", withdrawn));
    }

    private static ArticleSlugRedirect Redirect(string slug, Article to) => new() { Slug = slug, ArticleId = to.Id, RetiredAt = TestContent.Now.AddDays(-1) };

    [Fact]
    public async Task A_published_story_section_author_and_tag_are_found_by_their_paths()
    {
        var article = await Routes().ResolveAsync("/articles/route-live", Cancel);
        var section = await Routes().ResolveAsync("/sections/route-markets", Cancel);
        var author = await Routes().ResolveAsync("/authors/route-ada", Cancel);
        var tag = await Routes().ResolveAsync("/tags/route-ai", Cancel);

        Assert.Equal((RouteKind.Article, "route-live", "/articles/route-live"), (article?.Kind, article?.Article?.Slug, article?.Path));
        Assert.Equal((RouteKind.Section, "route-markets"), (section?.Kind, section?.Section?.Slug));
        Assert.Equal((RouteKind.Author, "route-ada"), (author?.Kind, author?.Author?.Slug));
        Assert.Equal((RouteKind.Tag, "route-ai"), (tag?.Kind, tag?.Tag?.Slug));
        Assert.All([article, section, author, tag], route => Assert.Equal((null, false), (route!.RedirectTo, route.Permanent)));
    }

    [Theory]
    [InlineData("/articles/route-live-old")]
    [InlineData("/articles/route-live-older/")]
    [InlineData("/articles/route-live-old?utm_source=newsletter#comments")]
    public async Task A_retired_slug_of_a_visible_story_redirects_permanently_to_its_current_path(string path)
    {
        var route = await Routes().ResolveAsync(path, Cancel);

        Assert.NotNull(route);
        Assert.Equal(RouteKind.Redirect, route.Kind);
        Assert.Equal("/articles/route-live", route.RedirectTo);
        Assert.True(route.Permanent);
        Assert.Null(route.Article);
    }

    [Fact]
    public async Task A_story_that_took_a_retired_slug_wins_over_the_redirect()
    {
        var route = await Routes().ResolveAsync("/articles/route-reused", Cancel);

        Assert.Equal((RouteKind.Article, "route-reused"), (route?.Kind, route?.Article?.Slug));
    }

    [Theory]
    [InlineData("/articles/route-draft")]
    [InlineData("/articles/route-draft-old")]
    [InlineData("/articles/route-embargoed")]
    [InlineData("/articles/route-embargoed-old")]
    [InlineData("/articles/route-scheduled")]
    [InlineData("/articles/route-scheduled-old")]
    [InlineData("/articles/route-withdrawn")]
    [InlineData("/articles/route-withdrawn-old")]
    public async Task Stories_readers_may_not_see_are_not_revealed_not_even_by_a_redirect(string path) =>
        Assert.Null(await Routes().ResolveAsync(path, Cancel));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/articles/")]
    [InlineData("/articles/no-such-story")]
    [InlineData("/articles/route-live/extra")]
    [InlineData("/Articles/route-live")]
    [InlineData("/articles/Route-Live")]
    [InlineData("articles/route-live")]
    [InlineData("/sections/no-such-section")]
    [InlineData("/authors/nobody")]
    [InlineData("/tags/route-live")]
    [InlineData("/route-live")]
    [InlineData("/articles/%2e%2e")]
    public async Task Unknown_and_malformed_paths_name_nothing(string path) =>
        Assert.Null(await Routes().ResolveAsync(path, Cancel));

    [Fact]
    public async Task An_overlong_path_is_refused_unread()
    {
        var error = await Assert.ThrowsAsync<NewsCmsException>(() => Routes().ResolveAsync("/articles/" + new string('a', ContentPaths.MaxLength), Cancel));

        Assert.Equal((ErrorCode.Validation, "path"), (error.Code, error.FieldErrors.Keys.Single()));
    }
}

public sealed class SqliteRouteResolverTests(SqliteTestDatabase database) : RouteResolverTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlRouteResolverTests(PostgreSqlTestDatabase database) : RouteResolverTests<PostgreSqlTestDatabase>(database);
