using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Staff;

/// <summary>API tokens over HTTP: a working token signs the caller in; a bad, revoked or expired one is refused with 401.</summary>
public sealed class ApiTokenTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_signs_its_owner_in_with_the_owners_roles()
    {
        using var client = await api.StaffClientAsync(StaffRoles.Editor, Cancel);

        var me = await client.DataAsync("{ me { email roles permissions } }");

        Assert.StartsWith("editor-", me.GetProperty("me").GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Editor"], me.GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("PUBLISH_ARTICLES", me.GetProperty("me").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Anonymous_callers_have_no_viewer_and_cannot_issue_tokens()
    {
        using var client = api.CreateClientOrSkip();

        var me = await client.DataAsync("{ me { email } }");
        var codes = await client.ErrorCodesAsync("mutation { createApiToken(name: \"x\") { secret } }");

        Assert.Equal(JsonValueKind.Null, me.GetProperty("me").ValueKind);
        Assert.Equal(["UNAUTHENTICATED"], codes);
    }

    [Theory]
    [InlineData("ncms_not-a-real-token")]
    [InlineData("something-else")]
    public async Task An_unknown_token_gets_401_not_the_public_view(string secret)
    {
        using var client = api.CreateClientOrSkip();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ articles(first: 1) { nodes { slug } } }" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once_and_only_its_hash_is_stored()
    {
        using var client = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var issued = await client.DataAsync("mutation { createApiToken(name: \"second\", expiresInDays: 30) { secret token { id prefix isActive } } }");
        var secret = issued.GetProperty("createApiToken").GetProperty("secret").GetString()!;
        var id = issued.GetProperty("createApiToken").GetProperty("token").GetProperty("id").GetString()!;
        using var second = api.CreateClientOrSkip();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(JsonValueKind.Object, (await second.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);

        await client.DataAsync($"mutation {{ revokeApiToken(id: \"{id}\") {{ revokedAt }} }}");
        using var afterRevoke = await second.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.ApiTokens.AnyAsync(t => t.SecretHash == secret || t.Prefix == secret, Cancel));
        Assert.True(await db.AuditLog.AnyAsync(e => e.Operation == "revokeApiToken", Cancel));
    }

    [Fact]
    public async Task A_token_expires_without_anyone_touching_it()
    {
        using var client = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        var issued = await client.DataAsync("mutation { createApiToken(name: \"short\", expiresInDays: 1) { secret } }");
        using var shortLived = api.CreateClientOrSkip();
        shortLived.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("createApiToken").GetProperty("secret").GetString());

        api.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using var response = await shortLived.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked_or_listed_without_the_staff_permission()
    {
        using var owner = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var other = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var tokenId = (await owner.DataAsync("{ apiTokens { id } }")).GetProperty("apiTokens")[0].GetProperty("id").GetString();

        var codes = await other.ErrorCodesAsync($"mutation {{ revokeApiToken(id: \"{tokenId}\") {{ id }} }}");

        Assert.Equal(["NOT_FOUND"], codes);
        Assert.Equal(JsonValueKind.Object, (await owner.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
    }
}
