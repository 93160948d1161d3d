using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Relay;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Articles;

/// <summary>Preview links over GraphQL: staff issue and revoke them, anyone holding one reads that one story.</summary>
public abstract class PreviewApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Create = "mutation($id: ID!, $minutes: Int) { createPreviewToken(articleId: $id, expiresInMinutes: $minutes) }";
    private const string Revoke = "mutation($token: String!) { revokePreviewToken(token: $token) }";
    private const string Open = """
        query($token: String!) {
          articlePreview(token: $token) { id slug title publishedAt isBreaking html authors { slug } section { slug } tags { slug } }
        }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_shares_a_draft_that_anyone_with_the_token_reads_while_it_stays_hidden_elsewhere()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var draft = await SaveDraftAsync("preview-api-draft", createdBy: null);

        var token = (await editor.DataAsync(Create, new { id = IdOf(draft) })).GetProperty("createPreviewToken").GetString()!;
        var preview = (await reader.DataAsync(Open, new { token })).GetProperty("articlePreview");

        Assert.Equal(IdOf(draft), preview.GetProperty("id").GetString());
        Assert.Equal("Title of preview-api-draft", preview.GetProperty("title").GetString());
        Assert.Contains("SECRET PREVIEW BODY", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(["author-0"], preview.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal("technology", preview.GetProperty("section").GetProperty("slug").GetString());
        Assert.NotEqual(JsonValueKind.Null, preview.GetProperty("publishedAt").ValueKind);

        var elsewhere = await reader.DataAsync(
            "query($id: ID!) { article(slug: \"preview-api-draft\") { id } node(id: $id) { id } articles(first: 100) { nodes { slug } } }", new { id = IdOf(draft) });
        Assert.Equal(JsonValueKind.Null, elsewhere.GetProperty("article").ValueKind);
        Assert.Equal(JsonValueKind.Null, elsewhere.GetProperty("node").ValueKind);
        Assert.DoesNotContain("preview-api-draft", elsewhere.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task A_revoked_altered_or_expired_token_is_a_validation_error()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var draft = await SaveDraftAsync("preview-api-refused", createdBy: null);
        var revoked = (await editor.DataAsync(Create, new { id = IdOf(draft) })).GetProperty("createPreviewToken").GetString()!;
        var expiring = (await editor.DataAsync(Create, new { id = IdOf(draft), minutes = 5 })).GetProperty("createPreviewToken").GetString()!;

        Assert.True((await editor.DataAsync(Revoke, new { token = revoked })).GetProperty("revokePreviewToken").GetBoolean());
        Assert.False((await editor.DataAsync(Revoke, new { token = revoked })).GetProperty("revokePreviewToken").GetBoolean());
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Open, new { token = revoked }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Open, new { token = Altered(expiring) }));
        Assert.Equal(["VALIDATION"], await editor.ErrorCodesAsync(Revoke, new { token = "garbage" }));

        Assert.Equal(draft.Id, await PreviewedIdAsync(reader, expiring));
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await reader.QueryAsync(Open, new { token = expiring });
        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        Assert.Contains("expired", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("articlePreview").ValueKind);
    }

    [Fact]
    public async Task An_embargoed_story_stays_shut_through_its_preview()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var embargoed = await SaveDraftAsync("preview-api-embargoed", createdBy: null, embargoUntil: api.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var token = (await editor.DataAsync(Create, new { id = IdOf(embargoed) })).GetProperty("createPreviewToken").GetString()!;

        var result = await reader.QueryAsync(Open, new { token });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        Assert.Contains("embargo", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET PREVIEW BODY", result.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writers_preview_their_own_stories_only_and_readers_none()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var reader = api.CreateClientOrSkip();
        var writerId = await UserIdAsync(writer);
        var own = await SaveDraftAsync("preview-api-writers-own", createdBy: writerId);
        var others = await SaveDraftAsync("preview-api-someone-elses", createdBy: writerId + 1000);

        var token = (await writer.DataAsync(Create, new { id = IdOf(own) })).GetProperty("createPreviewToken").GetString()!;

        Assert.Equal(own.Id, await PreviewedIdAsync(reader, token));
        Assert.Equal(["FORBIDDEN"], await writer.ErrorCodesAsync(Create, new { id = IdOf(others) }));
        Assert.Equal(["FORBIDDEN"], await partnerships.ErrorCodesAsync(Create, new { id = IdOf(own) }));
        Assert.Equal(["UNAUTHENTICATED"], await reader.ErrorCodesAsync(Create, new { id = IdOf(own) }));
        Assert.Equal(["UNAUTHENTICATED"], await reader.ErrorCodesAsync(Revoke, new { token }));
        Assert.Equal(["NOT_FOUND"], await writer.ErrorCodesAsync(Create, new { id = GlobalId.Encode("Section", own.Id) }));
        Assert.Equal(["VALIDATION"], await writer.ErrorCodesAsync(Create, new { id = IdOf(own), minutes = 100_000 }));
        Assert.Equal(["NOT_FOUND"], await writer.ErrorCodesAsync(Create, new { id = GlobalId.Encode("Article", int.MaxValue) }));

        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(1, await db.PreviewTokens.CountAsync(t => t.ArticleId == own.Id, Cancel));
        Assert.False(await db.PreviewTokens.AnyAsync(t => t.ArticleId == others.Id, Cancel));
    }

    private static string Altered(string token) => (token[0] == 'A' ? "B" : "A") + token[1..];

    private static string IdOf(Article article) => GlobalId.Encode("Article", article.Id);

    private static async Task<int> PreviewedIdAsync(HttpClient reader, string token)
    {
        var id = (await reader.DataAsync(Open, new { token })).GetProperty("articlePreview").GetProperty("id").GetString();
        Assert.True(GlobalId.TryDecode(id, out _, out var articleId));
        return articleId;
    }

    private async Task<int> UserIdAsync(HttpClient staff)
    {
        var email = (await staff.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString();
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel);
    }

    private async Task<Article> SaveDraftAsync(string slug, int? createdBy, DateTime? embargoUntil = null)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var section = await db.Sections.SingleAsync(s => s.Slug == "technology", Cancel);
        var author = await db.Authors.SingleAsync(a => a.Slug == "author-0", Cancel);
        var article = TestContent.Article(slug, embargoUntil, section, embargoUntil is null ? ArticleStatus.Draft : ArticleStatus.Scheduled, [author], markdown: "SECRET PREVIEW BODY");
        article.CreatedByUserId = createdBy;
        article.EmbargoUntil = embargoUntil;
        db.Articles.Add(article);
        await db.SaveChangesAsync(Cancel);
        return article;
    }
}

public sealed class SqlitePreviewApiTests(SqliteApi api) : PreviewApiTests<SqliteApi>(api);

public sealed class PostgreSqlPreviewApiTests(PostgreSqlApi api) : PreviewApiTests<PostgreSqlApi>(api);
