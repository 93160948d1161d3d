using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Editing;

/// <summary>The taxonomy and sponsor mutations over HTTP: closed to anonymous callers, and their staff fields too.</summary>
public abstract class TaxonomyApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    [Theory]
    [InlineData("""mutation { createSection(input: { name: "Anonymous desk", displayOrder: 0 }) { id } }""")]
    [InlineData("""mutation { createAuthor(input: { name: "Anonymous author" }) { id } }""")]
    [InlineData("""mutation { createTag(input: { name: "Anonymous tag" }) { id } }""")]
    [InlineData("""mutation { createSponsor(input: { name: "Anonymous sponsor", tier: GOLD, displayOrder: 0 }) { id } }""")]
    [InlineData("""mutation { deleteTag(id: "VGFnOjE", expectedVersion: 0) }""")]
    public async Task Anonymous_callers_cannot_change_the_taxonomy(string mutation)
    {
        var client = api.CreateClientOrSkip();

        var result = await client.QueryAsync(mutation);

        Assert.Equal(["UNAUTHENTICATED"], result.ErrorCodes());
        Assert.False(result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        var check = await client.DataAsync("""{ section(slug: "anonymous-desk") { id } tag(slug: "tag-1") { id } }""");
        Assert.Equal(JsonValueKind.Null, check.GetProperty("section").ValueKind);
        Assert.Equal(JsonValueKind.Object, check.GetProperty("tag").ValueKind);
    }

    [Theory]
    [InlineData("""{ section(slug: "technology") { name version } }""")]
    [InlineData("""{ author(slug: "author-1") { version } }""")]
    [InlineData("""{ tag(slug: "tag-1") { version } }""")]
    [InlineData("""{ sponsors { name version } }""")]
    [InlineData("""{ sponsors { activeFrom activeUntil } }""")]
    public async Task The_staff_fields_of_public_types_are_refused_to_anonymous_readers(string query)
    {
        var client = api.CreateClientOrSkip();

        var result = await client.QueryAsync(query);

        Assert.Equal(["UNAUTHENTICATED"], result.ErrorCodes());
    }
}

public sealed class SqliteTaxonomyApiTests(SqliteApi api) : TaxonomyApiTests<SqliteApi>(api);

public sealed class PostgreSqlTaxonomyApiTests(PostgreSqlApi api) : TaxonomyApiTests<PostgreSqlApi>(api);
