using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Reading;

/// <summary>The public schema as a frontend uses it, on SQLite and on PostgreSQL.</summary>
public abstract class PublicReadApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private readonly HttpClient client = api.CreateClientOrSkip();

    [Fact]
    public async Task The_newest_published_stories_come_first_with_their_references()
    {
        var data = await client.DataAsync("""
            { articles(first: 3) { edges { cursor node { slug title summary publishedAt isBreaking
                section { slug } authors { slug } tags { slug } sponsor { slug } isSponsored readingTimeMinutes } }
                pageInfo { hasNextPage hasPreviousPage endCursor } } }
            """);

        var edges = data.GetProperty("articles").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["breaking-now", "story-000", "story-001"], edges.Select(n => n.GetProperty("slug").GetString()));
        Assert.True(edges[0].GetProperty("isBreaking").GetBoolean());
        Assert.Equal("ecredo", edges[1].GetProperty("sponsor").GetProperty("slug").GetString());
        Assert.True(edges[1].GetProperty("isSponsored").GetBoolean());
        Assert.Equal(["author-0", "author-1"], edges[1].GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal("cybersecurity", edges[2].GetProperty("section").GetProperty("slug").GetString());
        var pageInfo = data.GetProperty("articles").GetProperty("pageInfo");
        Assert.True(pageInfo.GetProperty("hasNextPage").GetBoolean());
        Assert.False(pageInfo.GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Pages_continue_from_the_end_cursor_without_gaps_or_repeats()
    {
        var seen = new List<string?>();
        string? after = null;
        for (var guard = 0; guard < 20; guard++)
        {
            var data = await client.DataAsync(
                "query($after: String) { articles(first: 50, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }",
                new { after });
            var articles = data.GetProperty("articles");
            seen.AddRange(articles.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()));
            if (!articles.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = articles.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(ApiNewsroom.PublishedCount + 1, seen.Count); // and the expired breaking story
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Asking_for_more_than_a_hundred_stories_is_a_validation_error()
    {
        var result = await client.QueryAsync("{ articles(first: 101) { nodes { slug } } }");
        Assert.Equal(["VALIDATION"], result.ErrorCodes());

        var badCursor = await client.QueryAsync("""{ articles(after: "bm90LWEtY3Vyc29y") { nodes { slug } } }""");
        Assert.Equal(["VALIDATION"], badCursor.ErrorCodes());
    }

    [Fact]
    public async Task A_story_by_slug_carries_its_derived_body()
    {
        var data = await client.DataAsync("""
            { article(slug: "story-001") { title html text wordCount readingTimeMinutes outline { level text anchor }
                seo { title description canonicalUrl } } }
            """);
        var article = data.GetProperty("article");

        Assert.Contains("<h2 id=\"why-it-matters\">", article.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", article.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("##", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["why-it-matters", "what-comes-next"], article.GetProperty("outline").EnumerateArray().Select(o => o.GetProperty("anchor").GetString()));
        Assert.True(article.GetProperty("wordCount").GetInt32() > 5);
        Assert.Equal(1, article.GetProperty("readingTimeMinutes").GetInt32());
        Assert.Equal("Title of story-001", article.GetProperty("seo").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Links_in_sponsored_stories_are_marked_sponsored()
    {
        var data = await client.DataAsync("""{ article(slug: "story-010") { html sponsorDisclosure sponsor { name } } }""");
        Assert.Contains("sponsored", data.GetProperty("article").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("Paid for by the sponsor.", data.GetProperty("article").GetProperty("sponsorDisclosure").GetString());
    }

    [Theory]
    [InlineData("draft-story")]
    [InlineData("scheduled-story")]
    [InlineData("unpublished-story")]
    public async Task Hidden_stories_are_invisible_by_slug_in_lists_and_by_id(string slug)
    {
        var bySlug = await client.DataAsync("query($slug: String!) { article(slug: $slug) { slug } }", new { slug });
        Assert.Equal(JsonValueKind.Null, bySlug.GetProperty("article").ValueKind);

        var list = await client.DataAsync("{ articles(first: 100) { nodes { slug } } section(slug: \"technology\") { articles(first: 100) { nodes { slug } } } }");
        Assert.DoesNotContain(slug, list.GetRawText(), StringComparison.Ordinal);

        await using var db = await api.Database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var id = db.Articles.Single(a => a.Slug == slug).Id;
        var globalId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Article:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var byId = await client.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = globalId });
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task The_public_article_type_exposes_no_internal_fields()
    {
        var data = await client.DataAsync("""{ __type(name: "Article") { fields { name } } }""");
        var fields = data.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();

        Assert.Contains("html", fields);
        Assert.DoesNotContain(fields, f => f is "markdown" or "body" or "status" or "statusHistory" or "version" or "revisions");
        var probe = await client.QueryAsync("""{ article(slug: "story-001") { markdown } }""");
        Assert.Contains("FIELDS_ON_CORRECT_TYPE", probe.ErrorCodes());
    }

    [Fact]
    public async Task Every_node_can_be_fetched_again_by_its_global_id()
    {
        var data = await client.DataAsync("""
            { article(slug: "story-000") { id section { id } authors { id } tags { id } sponsor { id } } }
            """);
        var article = data.GetProperty("article");
        var ids = new[]
        {
            article.GetProperty("id").GetString(),
            article.GetProperty("section").GetProperty("id").GetString(),
            article.GetProperty("authors")[0].GetProperty("id").GetString(),
            article.GetProperty("tags")[0].GetProperty("id").GetString(),
            article.GetProperty("sponsor").GetProperty("id").GetString(),
        };

        foreach (var id in ids)
        {
            var node = await client.DataAsync("query($id: ID!) { node(id: $id) { id __typename } }", new { id });
            Assert.Equal(id, node.GetProperty("node").GetProperty("id").GetString());
        }

        var garbage = await client.DataAsync("""{ node(id: "not-an-id") { id } }""");
        Assert.Equal(JsonValueKind.Null, garbage.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Sections_form_a_tree_and_a_section_lists_its_subsections_stories()
    {
        var data = await client.DataAsync("""
            { sections { slug children { slug parent { slug } } }
              section(slug: "technology") { articles(first: 100) { nodes { section { slug } } } } }
            """);

        Assert.Equal(["technology", "markets"], data.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
        var child = data.GetProperty("sections")[0].GetProperty("children")[0];
        Assert.Equal("cybersecurity", child.GetProperty("slug").GetString());
        Assert.Equal("technology", child.GetProperty("parent").GetProperty("slug").GetString());
        var sections = data.GetProperty("section").GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("section").GetProperty("slug").GetString()).Distinct().Order().ToList();
        Assert.Equal(["cybersecurity", "technology"], sections);
    }

    [Fact]
    public async Task Authors_and_tags_list_their_published_stories()
    {
        var data = await client.DataAsync("""
            { author(slug: "author-0") { name articles(first: 100) { nodes { slug } } }
              tag(slug: "tag-0") { name articles(first: 100) { nodes { slug } } }
              missing: author(slug: "nobody") { name } }
            """);

        var byAuthor = data.GetProperty("author").GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()).ToList();
        Assert.Contains("breaking-now", byAuthor);
        Assert.DoesNotContain("draft-story", byAuthor);
        Assert.Equal(30, data.GetProperty("tag").GetProperty("articles").GetProperty("nodes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task The_sponsor_strip_lists_active_sponsors_in_order_and_filters_by_tier()
    {
        var data = await client.DataAsync("{ all: sponsors { slug tier } gold: sponsors(tier: GOLD) { slug } }");

        Assert.Equal(["uol", "ecredo"], data.GetProperty("all").EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
        Assert.Equal("PLATINUM", data.GetProperty("all")[0].GetProperty("tier").GetString());
        Assert.Equal(["ecredo"], data.GetProperty("gold").EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task A_breaking_flag_ends_with_its_expiry()
    {
        var data = await client.DataAsync("""{ now: article(slug: "breaking-now") { isBreaking kicker } old: article(slug: "breaking-yesterday") { isBreaking } }""");

        Assert.True(data.GetProperty("now").GetProperty("isBreaking").GetBoolean());
        Assert.Equal("Breaking news", data.GetProperty("now").GetProperty("kicker").GetString());
        Assert.False(data.GetProperty("old").GetProperty("isBreaking").GetBoolean());
    }
}

public sealed class SqlitePublicReadApiTests(SqliteApi api) : PublicReadApiTests<SqliteApi>(api);

public sealed class PostgreSqlPublicReadApiTests(PostgreSqlApi api) : PublicReadApiTests<PostgreSqlApi>(api);
