using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Reading;

/// <summary>
/// No N+1: every reference goes through a per-request batch loader, so a page of 100 stories costs the same few
/// statements as a page of 20.
/// </summary>
public abstract class QueryCostTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Page = """
        query($first: Int!) { articles(first: $first) { edges { node { id title slug summary publishedAt
            section { name slug } authors { name } tags { name } sponsor { name } } } } }
        """;

    [Fact]
    public async Task A_page_of_100_costs_the_same_few_statements_as_a_page_of_20()
    {
        var client = api.CreateClientOrSkip();
        await client.DataAsync(Page, new { first = 1 }); // warm-up: nothing below should count start-up work

        var small = await CountAsync(client, 20);
        var large = await CountAsync(client, 100);

        Assert.Equal(small.Statements, large.Statements);
        Assert.InRange(large.Statements, 1, 5);
        Assert.Equal(100, large.Stories);
    }

    private async Task<(int Statements, int Stories)> CountAsync(HttpClient client, int first)
    {
        api.Sql.Reset();
        var data = await client.DataAsync(Page, new { first });
        return (api.Sql.Count, data.GetProperty("articles").GetProperty("edges").GetArrayLength());
    }
}

public sealed class SqliteQueryCostTests(SqliteApi api) : QueryCostTests<SqliteApi>(api);

public sealed class PostgreSqlQueryCostTests(PostgreSqlApi api) : QueryCostTests<PostgreSqlApi>(api);
