using System.Net;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Http;

/// <summary>Behind a CDN, public reads may be cached; a preview link's answer never, since it can be revoked at any time.</summary>
public sealed class SharedCacheTests(CdnCachedApi api) : IClassFixture<CdnCachedApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_reads_are_cacheable_but_a_preview_is_not()
    {
        using var anonymous = api.CreateClientOrSkip();
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var articleId = (await anonymous.DataAsync("{ articles(first: 1) { nodes { id } } }")).GetProperty("articles").GetProperty("nodes")[0].GetProperty("id").GetString();
        var token = (await editor.DataAsync($"mutation {{ createPreviewToken(articleId: \"{articleId}\") }}")).GetProperty("createPreviewToken").GetString();

        using var list = await anonymous.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ articles(first: 1) { nodes { title } } }"), Cancel);
        using var preview = await anonymous.GetAsync("/graphql?query=" + Uri.EscapeDataString($"{{ articlePreview(token: \"{token}\") {{ title }} }}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("public, max-age=60", list.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("title", await preview.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("no-store", preview.Headers.CacheControl?.ToString());
    }
}
