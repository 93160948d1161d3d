using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Editing;

/// <summary>Corrections over HTTP: editors append them, every reader sees them, and a page of stories reads them in one batch.</summary>
public abstract class CorrectionsApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Append = """
        mutation($id: ID!, $kind: CorrectionKind!, $text: String!) {
            appendArticleCorrection(articleId: $id, kind: $kind, text: $text) { slug updatedAt corrections { kind text createdAt } } }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_appends_a_correction_that_every_reader_then_sees()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var id = await IdOfAsync("story-011");

        var appended = (await editor.DataAsync(Append, new { id, kind = "CORRECTION", text = "An earlier version misnamed the bank." })).GetProperty("appendArticleCorrection");
        var read = (await api.CreateClientOrSkip().DataAsync("""{ article(slug: "story-011") { updatedAt corrections { kind text createdAt } } }""")).GetProperty("article");

        Assert.Equal(appended.GetProperty("corrections").GetRawText(), read.GetProperty("corrections").GetRawText());
        var note = read.GetProperty("corrections").EnumerateArray().Single();
        Assert.Equal(("CORRECTION", "An earlier version misnamed the bank."), (note.GetProperty("kind").GetString(), note.GetProperty("text").GetString()));
        Assert.Equal(TestContent.Now, note.GetProperty("createdAt").GetDateTime().ToUniversalTime());
        Assert.Equal(TestContent.Now, read.GetProperty("updatedAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Writers_drafts_bad_text_and_anonymous_callers_are_refused_with_their_codes()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var story = await IdOfAsync("story-012");
        var draft = await IdOfAsync("draft-story");

        Assert.Equal(["FORBIDDEN"], (await writer.QueryAsync(Append, new { id = story, kind = "UPDATE", text = "Writer note" })).ErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], (await api.CreateClientOrSkip().QueryAsync(Append, new { id = story, kind = "UPDATE", text = "Anonymous note" })).ErrorCodes());
        Assert.Equal(["CONFLICT"], (await editor.QueryAsync(Append, new { id = draft, kind = "UPDATE", text = "Draft note" })).ErrorCodes());
        Assert.Equal(["VALIDATION"], (await editor.QueryAsync(Append, new { id = story, kind = "UPDATE", text = new string('x', ArticleCorrection.TextMaxLength + 1) })).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await editor.QueryAsync(Append, new { id = "U2VjdGlvbjox", kind = "UPDATE", text = "A section's id" })).ErrorCodes());
        var read = (await api.CreateClientOrSkip().DataAsync("""{ article(slug: "story-012") { corrections { text } } }""")).GetProperty("article");
        Assert.Equal(0, read.GetProperty("corrections").GetArrayLength());
    }

    [Fact]
    public async Task The_schema_offers_no_way_to_edit_or_remove_a_correction()
    {
        var client = api.CreateClientOrSkip();

        var mutations = (await client.DataAsync("""{ __type(name: "Mutation") { fields { name } } }"""))
            .GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();

        Assert.Contains("appendArticleCorrection", mutations);
        Assert.DoesNotContain(mutations, name => name.Contains("Correction", StringComparison.Ordinal) && name != "appendArticleCorrection");
    }

    private async Task<string> IdOfAsync(string slug)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var id = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(Cancel);
        return NewsCms.GraphQL.Relay.GlobalId.Encode("Article", id);
    }
}

public sealed class SqliteCorrectionsApiTests(SqliteApi api) : CorrectionsApiTests<SqliteApi>(api);

public sealed class PostgreSqlCorrectionsApiTests(PostgreSqlApi api) : CorrectionsApiTests<PostgreSqlApi>(api);
