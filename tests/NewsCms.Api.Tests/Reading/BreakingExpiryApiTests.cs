using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Reading;

/// <summary>A breaking flag ends by the clock alone: nobody edits the story when its breaking window closes.</summary>
public sealed class BreakingExpiryApiTests(BreakingExpiryApi api) : IClassFixture<BreakingExpiryApi>
{
    private const string Query = """
        { article(slug: "markets-halt") { isBreaking updatedAt }
          articles(first: 5) { nodes { slug isBreaking } } }
        """;

    [Fact]
    public async Task A_story_stops_being_breaking_when_its_window_closes_without_anyone_touching_it()
    {
        var client = api.CreateClientOrSkip();
        var (version, updatedAt) = await RowAsync();

        var during = await client.DataAsync(Query);
        Assert.True(during.GetProperty("article").GetProperty("isBreaking").GetBoolean());
        Assert.True(ListedAsBreaking(during));

        api.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True((await client.DataAsync(Query)).GetProperty("article").GetProperty("isBreaking").GetBoolean());

        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await client.DataAsync(Query);
        Assert.False(after.GetProperty("article").GetProperty("isBreaking").GetBoolean());
        Assert.False(ListedAsBreaking(after));
        Assert.Equal((version, updatedAt), await RowAsync());
    }

    private static bool ListedAsBreaking(System.Text.Json.JsonElement data) =>
        data.GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("slug").GetString() == "markets-halt")
            .GetProperty("isBreaking").GetBoolean();

    private async Task<(int Version, DateTime UpdatedAt)> RowAsync()
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var row = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "markets-halt", TestContext.Current.CancellationToken);
        return (row.Version, row.UpdatedAt);
    }
}

/// <summary>Its own database and clock: the test moves time forward, which would disturb any neighbour.</summary>
public sealed class BreakingExpiryApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override Task SeedAsync()
    {
        var story = TestContent.Article("markets-halt", TestContent.Now.AddMinutes(-5));
        story.IsBreaking = true;
        story.BreakingUntil = TestContent.Now.AddMinutes(30);
        return Database.Contexts.SaveAsync(story);
    }
}
