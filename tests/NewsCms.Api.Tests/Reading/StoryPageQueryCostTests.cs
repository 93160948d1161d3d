using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Reading;

/// <summary>
/// A story page reads the story, its rendered body and its byline in one statement, however the query reaches those
/// fields, and what it reads is what the batched paths read.
/// </summary>
public abstract class StoryPageQueryCostTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string StoryPage = """
        query($slug: String!) { article(slug: $slug) { title summary html text outline { anchor } publishedAt
            section { name } authors { slug name } } }
        """;

    private const string StoryPageThroughFragment = """
        query($slug: String!) { article(slug: $slug) { title ...Body section { name } authors { name } } }
        fragment Body on Article { html text outline { anchor } }
        """;

    private const string SameStoryByNode = """
        query($id: ID!) { node(id: $id) { ... on Article { html text outline { anchor } authors { slug name } } } }
        """;

    [Theory]
    [InlineData(StoryPage)]
    [InlineData(StoryPageThroughFragment)]
    public async Task A_story_page_with_its_body_and_byline_costs_one_statement(string query)
    {
        var client = api.CreateClientOrSkip();
        var (slug, _) = await NewestStoryAsync(client);
        await client.DataAsync(query, new { slug }); // warm-up: start-up work must not count

        api.Sql.Reset();
        var story = (await client.DataAsync(query, new { slug })).GetProperty("article");

        Assert.Equal(1, api.Sql.Count);
        Assert.StartsWith("<", story.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(story.GetProperty("authors").EnumerateArray());
    }

    [Fact]
    public async Task The_body_read_with_the_story_is_the_body_read_in_a_batch()
    {
        var client = api.CreateClientOrSkip();
        var (slug, id) = await NewestStoryAsync(client);

        var withStory = (await client.DataAsync(StoryPage, new { slug })).GetProperty("article");
        var batched = (await client.DataAsync(SameStoryByNode, new { id })).GetProperty("node");

        Assert.Equal(batched.GetProperty("html").GetString(), withStory.GetProperty("html").GetString());
        Assert.Equal(batched.GetProperty("text").GetString(), withStory.GetProperty("text").GetString());
        Assert.Equal(batched.GetProperty("outline").GetRawText(), withStory.GetProperty("outline").GetRawText());
        Assert.Equal(batched.GetProperty("authors").GetRawText(), withStory.GetProperty("authors").GetRawText());
        Assert.NotEmpty(withStory.GetProperty("text").GetString()!);
    }

    [Theory]
    [InlineData("query($slug: String!) { article(slug: $slug) { title html } }", 1)]
    [InlineData("query($slug: String!) { article(slug: $slug) { title authors { name } } }", 2)]
    public async Task A_story_page_reads_only_what_it_shows(string query, int statements)
    {
        var client = api.CreateClientOrSkip();
        var (slug, _) = await NewestStoryAsync(client);
        await client.DataAsync(query, new { slug });

        api.Sql.Reset();
        var story = (await client.DataAsync(query, new { slug })).GetProperty("article");

        Assert.Equal(statements, api.Sql.Count);
        Assert.False(string.IsNullOrEmpty(story.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_story_without_its_body_reads_no_body()
    {
        var client = api.CreateClientOrSkip();
        var (slug, _) = await NewestStoryAsync(client);
        const string Card = "query($slug: String!) { article(slug: $slug) { title } }";
        await client.DataAsync(Card, new { slug });

        api.Sql.Reset();
        var story = (await client.DataAsync(Card, new { slug })).GetProperty("article");

        Assert.Equal(1, api.Sql.Count);
        Assert.False(string.IsNullOrEmpty(story.GetProperty("title").GetString()));
    }

    private static async Task<(string Slug, string Id)> NewestStoryAsync(HttpClient client)
    {
        var node = (await client.DataAsync("{ articles(first: 1) { edges { node { id slug } } } }"))
            .GetProperty("articles").GetProperty("edges")[0].GetProperty("node");
        return (node.GetProperty("slug").GetString()!, node.GetProperty("id").GetString()!);
    }
}

public sealed class SqliteStoryPageQueryCostTests(SqliteApi api) : StoryPageQueryCostTests<SqliteApi>(api);

public sealed class PostgreSqlStoryPageQueryCostTests(PostgreSqlApi api) : StoryPageQueryCostTests<PostgreSqlApi>(api);
