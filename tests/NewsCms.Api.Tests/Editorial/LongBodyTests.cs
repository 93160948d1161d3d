using System.Net;
using System.Net.Http.Json;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Editorial;

/// <summary>
/// Long reads fit: staff may send bodies far larger than the public request limit, up to the body's own bound, while
/// anonymous callers stay on the small public limit.
/// </summary>
public sealed class LongBodyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Create = "mutation($input: ArticleInput!) { createArticle(input: $input) { id wordCount } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Body(int characters)
    {
        const string paragraph = "Regional lenders widened their margins again this quarter, and treasurers noticed.\n\n";
        return string.Concat(Enumerable.Repeat(paragraph, (characters / paragraph.Length) + 1))[..characters];
    }

    [Fact]
    public async Task Staff_save_a_long_read_larger_than_the_public_request_limit()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        var created = await writer.DataAsync(Create, new { input = new { title = "A very long read", body = Body(150_000) } });

        Assert.InRange(created.GetProperty("createArticle").GetProperty("wordCount").GetInt32(), 15_000, 25_000);
    }

    [Fact]
    public async Task A_body_over_its_bound_is_a_validation_error_on_body_and_nothing_is_saved()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        var result = await writer.QueryAsync(Create, new { input = new { title = "Too long to keep", body = Body(ArticleBody.MarkdownMaxLength + 1) } });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        Assert.True(result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").TryGetProperty("body", out _));
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.DoesNotContain(db.Articles, a => a.Title == "Too long to keep");
    }

    [Fact]
    public async Task Anonymous_callers_keep_the_small_public_limit()
    {
        using var anonymous = api.CreateClientOrSkip();

        using var response = await anonymous.PostAsJsonAsync("/graphql", new { query = "{ __typename }", variables = new { padding = Body(100_000) } }, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
