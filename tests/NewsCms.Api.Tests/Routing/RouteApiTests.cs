using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Routing;

/// <summary>A frontend serving any URL: one query says what to render, where to redirect, or that it is a 404.</summary>
public abstract class RouteApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Route = """
        query($path: String!) { route(path: $path) { kind path redirectTo permanent
            article { slug path title } section { slug path } author { slug path } tag { slug path } } }
        """;

    [Fact]
    public async Task Every_path_the_api_hands_out_leads_back_to_its_object()
    {
        var client = api.CreateClientOrSkip();
        var story = (await client.DataAsync("""{ article(slug: "story-000") { slug path section { path } authors { path } tags { path } } }"""))
            .GetProperty("article");

        var article = await RouteAsync(client, story.GetProperty("path").GetString()!);
        var section = await RouteAsync(client, story.GetProperty("section").GetProperty("path").GetString()!);
        var author = await RouteAsync(client, story.GetProperty("authors")[0].GetProperty("path").GetString()!);
        var tag = await RouteAsync(client, story.GetProperty("tags")[0].GetProperty("path").GetString()!);

        Assert.Equal("/articles/story-000", story.GetProperty("path").GetString());
        Assert.Equal(("ARTICLE", "story-000"), (article.GetProperty("kind").GetString(), article.GetProperty("article").GetProperty("slug").GetString()));
        Assert.Equal(JsonValueKind.Null, article.GetProperty("section").ValueKind);
        Assert.Equal(("SECTION", "technology"), (section.GetProperty("kind").GetString(), section.GetProperty("section").GetProperty("slug").GetString()));
        Assert.Equal(("AUTHOR", "author-0"), (author.GetProperty("kind").GetString(), author.GetProperty("author").GetProperty("slug").GetString()));
        Assert.Equal(("TAG", "tag-0"), (tag.GetProperty("kind").GetString(), tag.GetProperty("tag").GetProperty("slug").GetString()));
        Assert.False(article.GetProperty("permanent").GetBoolean());
    }

    [Fact]
    public async Task A_retired_slug_redirects_permanently_and_hidden_or_unknown_paths_are_null()
    {
        var client = api.CreateClientOrSkip();
        await using (var db = await api.Database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var story = await db.Articles.SingleAsync(a => a.Slug == "story-007", TestContext.Current.CancellationToken);
            var draft = await db.Articles.SingleAsync(a => a.Slug == "draft-story", TestContext.Current.CancellationToken);
            db.ArticleSlugRedirects.AddRange(
                new ArticleSlugRedirect { Slug = "route-api-old-story", ArticleId = story.Id, RetiredAt = TestContent.Now },
                new ArticleSlugRedirect { Slug = "route-api-old-draft", ArticleId = draft.Id, RetiredAt = TestContent.Now });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var moved = await RouteAsync(client, "/articles/route-api-old-story/");

        Assert.Equal(("REDIRECT", "/articles/story-007", true), (moved.GetProperty("kind").GetString(), moved.GetProperty("redirectTo").GetString(), moved.GetProperty("permanent").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("article").ValueKind);
        foreach (var hidden in new[] { "/articles/route-api-old-draft", "/articles/draft-story", "/articles/scheduled-story", "/articles/unpublished-story", "/articles/nope", "/nope", "/" })
        {
            var data = await client.DataAsync(Route, new { path = hidden });
            Assert.Equal(JsonValueKind.Null, data.GetProperty("route").ValueKind);
        }
    }

    [Fact]
    public async Task Renaming_a_live_story_leaves_a_permanent_redirect_at_its_old_path()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, TestContext.Current.CancellationToken);
        var reader = api.CreateClientOrSkip();
        var story = (await reader.DataAsync("""{ article(slug: "story-020") { id section { id } authors { id } } }""")).GetProperty("article");
        await editor.DataAsync(
            "mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: 1, input: $input) { slug } }",
            new
            {
                id = story.GetProperty("id").GetString(),
                input = new
                {
                    title = "Story 20, renamed",
                    slug = "story-020-renamed",
                    summary = "A story that moved.",
                    sectionId = story.GetProperty("section").GetProperty("id").GetString(),
                    authorIds = story.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToArray(),
                    body = "## Moved\n\nThe same story at a new address.",
                },
            });

        var old = await RouteAsync(reader, "/articles/story-020");
        var current = await RouteAsync(reader, "/articles/story-020-renamed");

        Assert.Equal(("REDIRECT", "/articles/story-020-renamed", true), (old.GetProperty("kind").GetString(), old.GetProperty("redirectTo").GetString(), old.GetProperty("permanent").GetBoolean()));
        Assert.Equal(("ARTICLE", "Story 20, renamed"), (current.GetProperty("kind").GetString(), current.GetProperty("article").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_overlong_path_is_a_validation_error()
    {
        var client = api.CreateClientOrSkip();

        var result = await client.QueryAsync(Route, new { path = "/articles/" + new string('a', 2000) });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
    }

    private static async Task<JsonElement> RouteAsync(HttpClient client, string path)
    {
        var route = (await client.DataAsync(Route, new { path })).GetProperty("route");
        Assert.Equal(JsonValueKind.Object, route.ValueKind);
        return route;
    }
}

public sealed class SqliteRouteApiTests(SqliteApi api) : RouteApiTests<SqliteApi>(api);

public sealed class PostgreSqlRouteApiTests(PostgreSqlApi api) : RouteApiTests<PostgreSqlApi>(api);
