using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Reading;

/// <summary>Corrections come through a grouped batch loader: one statement for a whole page, whatever its size.</summary>
public abstract class CorrectionsQueryCostTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Page = """
        query($first: Int!) { articles(first: $first) { nodes { slug corrections { kind text createdAt } } } }
        """;

    [Fact]
    public async Task A_page_of_100_with_corrections_costs_the_same_statements_as_a_page_of_20()
    {
        var client = api.CreateClientOrSkip();
        await SeedCorrectionsAsync();
        await client.DataAsync(Page, new { first = 1 }); // warm-up: nothing below should count start-up work

        var small = await CountAsync(client, 20);
        var large = await CountAsync(client, 100);
        var without = await CountAsync(client, 100, "query($first: Int!) { articles(first: $first) { nodes { slug } } }");

        Assert.Equal(small.Statements, large.Statements);
        Assert.Equal(without.Statements + 1, large.Statements);
        Assert.Equal(100, large.Stories);
        Assert.True(large.Corrections >= 30, $"Only {large.Corrections} corrections were read: the page did not exercise the loader.");
    }

    private async Task SeedCorrectionsAsync()
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ids = await db.Articles.Where(a => a.Slug.StartsWith("story-")).OrderBy(a => a.Slug).Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        db.ArticleCorrections.AddRange(ids.Where((_, i) => i % 3 == 0).SelectMany(id => new[]
        {
            new ArticleCorrection { ArticleId = id, Kind = CorrectionKind.Correction, Text = "First note.", CreatedAt = TestContent.Now.AddMinutes(-5) },
            new ArticleCorrection { ArticleId = id, Kind = CorrectionKind.Update, Text = "Second note.", CreatedAt = TestContent.Now },
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(int Statements, int Stories, int Corrections)> CountAsync(HttpClient client, int first, string query = Page)
    {
        api.Sql.Reset();
        var data = await client.DataAsync(query, new { first });
        var nodes = data.GetProperty("articles").GetProperty("nodes").EnumerateArray().ToList();
        var corrections = nodes.Sum(n => n.TryGetProperty("corrections", out var notes) ? notes.GetArrayLength() : 0);
        return (api.Sql.Count, nodes.Count, corrections);
    }
}

public sealed class SqliteCorrectionsQueryCostTests(SqliteApi api) : CorrectionsQueryCostTests<SqliteApi>(api);

public sealed class PostgreSqlCorrectionsQueryCostTests(PostgreSqlApi api) : CorrectionsQueryCostTests<PostgreSqlApi>(api);
