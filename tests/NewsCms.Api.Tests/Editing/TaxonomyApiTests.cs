using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Editing;

/// <summary>The taxonomy and sponsor mutations over HTTP, as an editor's tool uses them, and closed to everyone else.</summary>
public abstract class TaxonomyApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_creates_reads_the_version_updates_and_deletes_a_section()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);

        var created = (await editor.DataAsync(
            """mutation($input: SectionInput!) { createSection(input: $input) { id slug name version parent { slug } } }""",
            new { input = new { name = "API Desk", displayOrder = 4, parentId = await SectionIdAsync(editor, "technology") } })).GetProperty("createSection");
        var id = created.GetProperty("id").GetString();
        var read = (await editor.DataAsync("""{ section(slug: "api-desk") { id version } }""")).GetProperty("section");
        var updated = (await editor.DataAsync(
            """mutation($id: ID!, $input: SectionInput!) { updateSection(id: $id, expectedVersion: 1, input: $input) { slug name version parent { slug } } }""",
            new { id, input = new { name = "API desk", displayOrder = 4 } })).GetProperty("updateSection");
        var deleted = (await editor.DataAsync("""mutation($id: ID!) { deleteSection(id: $id, expectedVersion: 2) }""", new { id })).GetProperty("deleteSection");

        Assert.Equal(("api-desk", 1, "technology"), (created.GetProperty("slug").GetString(), created.GetProperty("version").GetInt32(), created.GetProperty("parent").GetProperty("slug").GetString()));
        Assert.Equal((id, 1), (read.GetProperty("id").GetString(), read.GetProperty("version").GetInt32()));
        Assert.Equal(("api-desk", "API desk", 2), (updated.GetProperty("slug").GetString(), updated.GetProperty("name").GetString(), updated.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("parent").ValueKind);
        Assert.Equal(id, deleted.GetString());
        Assert.Equal(JsonValueKind.Null, (await editor.DataAsync("""{ section(slug: "api-desk") { id } }""")).GetProperty("section").ValueKind);
        var administrator = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var log = (await administrator.DataAsync("query($id: ID!) { auditLog(entityId: $id) { nodes { operation entityId } } }", new { id }))
            .GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["deleteSection", "updateSection", "createSection"], log.Select(e => e.GetProperty("operation").GetString()));
        Assert.All(log, e => Assert.Equal(id, e.GetProperty("entityId").GetString()));
    }

    [Fact]
    public async Task Every_author_and_tag_is_listed_by_name_for_pickers()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        await editor.DataAsync("""mutation { createAuthor(input: { name: "Listed Zed" }) { id } createTag(input: { name: "Listed zinc" }) { id } }""");
        await editor.DataAsync("""mutation { createAuthor(input: { name: "Listed Abe" }) { id } createTag(input: { name: "Listed alloys" }) { id } }""");

        var data = await api.CreateClient().DataAsync("{ authors { name } tags { name slug } }");

        Assert.Equal(["Listed Abe", "Listed Zed"], data.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Where(n => n!.StartsWith("Listed", StringComparison.Ordinal)));
        Assert.Equal(["listed-alloys", "listed-zinc"], data.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).Where(n => n!.StartsWith("listed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stale_versions_bad_fields_references_and_unknown_ids_come_back_with_their_codes()
    {
        var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var tag = (await editor.DataAsync("""mutation { createTag(input: { name: "Coded errors" }) { id version } }""")).GetProperty("createTag");
        var id = tag.GetProperty("id").GetString();
        await editor.DataAsync("""mutation($id: ID!) { updateTag(id: $id, expectedVersion: 1, input: { name: "Coded errors!" }) { version } }""", new { id });

        var stale = await editor.QueryAsync("""mutation($id: ID!) { updateTag(id: $id, expectedVersion: 1, input: { name: "Lost" }) { version } }""", new { id });
        var invalid = await editor.QueryAsync("""mutation { createTag(input: { name: "", slug: "Not a slug" }) { id } }""");
        var used = await editor.QueryAsync("""mutation($id: ID!) { deleteTag(id: $id, expectedVersion: 0) }""", new { id = await TagIdAsync(editor, "tag-1") });
        var unknown = await editor.QueryAsync("""mutation { deleteAuthor(id: "QXV0aG9yOjk5OTk5", expectedVersion: 1) }""");
        var wrongKind = await editor.QueryAsync("""mutation($id: ID!) { deleteAuthor(id: $id, expectedVersion: 1) }""", new { id });
        var cycle = await editor.QueryAsync(
            """mutation($id: ID!, $parent: ID!) { updateSection(id: $id, expectedVersion: 0, input: { name: "technology", parentId: $parent, displayOrder: 1 }) { id } }""",
            new { id = await SectionIdAsync(editor, "technology"), parent = await SectionIdAsync(editor, "cybersecurity") });

        Assert.Equal(["CONFLICT"], stale.ErrorCodes());
        Assert.Equal(2, stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32());
        Assert.Equal(["VALIDATION"], invalid.ErrorCodes());
        Assert.Equal(["name", "slug"], invalid.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(f => f.Name).Order());
        Assert.Equal(["CONFLICT"], used.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], wrongKind.ErrorCodes());
        Assert.Equal(["VALIDATION"], cycle.ErrorCodes());
        Assert.True(cycle.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").TryGetProperty("parentId", out _));
        Assert.Equal(2, (await editor.DataAsync("""{ tag(slug: "coded-errors") { version } }""")).GetProperty("tag").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Object, (await editor.DataAsync("""{ tag(slug: "tag-1") { id } }""")).GetProperty("tag").ValueKind);
    }

    [Fact]
    public async Task The_partnerships_team_manages_sponsors_with_times_in_any_offset_and_writers_may_not()
    {
        var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        const string Create = """
            mutation($input: SponsorInput!) { createSponsor(input: $input) { id slug tier websiteUrl activeFrom activeUntil version } }
            """;
        var input = new SponsorFields("Offset Bank", "SILVER", "https://offset.example", "2026-06-01T14:00:00+02:00", "2026-07-01T00:00:00Z", 9);

        var sponsor = (await partnerships.DataAsync(Create, new { input })).GetProperty("createSponsor");
        var refused = await writer.QueryAsync(Create, new { input = input with { name = "Writer Bank" } });
        var badUrl = await partnerships.QueryAsync(Create, new { input = input with { name = "Script Bank", websiteUrl = "javascript:alert(1)" } });
        var plain = (await partnerships.DataAsync(Create, new { input = input with { name = "Plain Bank", activeFrom = "2026-06-01T09:00:00" } })).GetProperty("createSponsor");

        Assert.Equal(("offset-bank", "SILVER", 1), (sponsor.GetProperty("slug").GetString(), sponsor.GetProperty("tier").GetString(), sponsor.GetProperty("version").GetInt32()));
        Assert.Equal(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc), sponsor.GetProperty("activeFrom").GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), plain.GetProperty("activeFrom").GetDateTime().ToUniversalTime());
        Assert.Equal(["FORBIDDEN"], refused.ErrorCodes());
        Assert.Equal(["VALIDATION"], badUrl.ErrorCodes());
        var strip = (await partnerships.DataAsync("{ sponsors { slug } }")).GetProperty("sponsors").EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToList();
        Assert.Contains("offset-bank", strip);
        var all = (await partnerships.DataAsync("{ allSponsors { slug version } }")).GetProperty("allSponsors").EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToList();
        Assert.Contains("expired-sponsor", all);
        Assert.DoesNotContain("expired-sponsor", strip);
        Assert.Equal(["FORBIDDEN"], (await writer.QueryAsync("{ allSponsors { slug } }")).ErrorCodes());
        Assert.DoesNotContain("writer-bank", strip);
        Assert.DoesNotContain("script-bank", strip);
    }

    [Theory]
    [InlineData(StaffRoles.Writer, """mutation { createTag(input: { name: "Writer tag" }) { id } }""")]
    [InlineData(StaffRoles.Partnerships, """mutation { createAuthor(input: { name: "Partner author" }) { id } }""")]
    [InlineData(StaffRoles.Writer, """mutation { deleteSponsor(id: "U3BvbnNvcjox", expectedVersion: 0) }""")]
    public async Task Roles_without_the_permission_are_forbidden(string role, string mutation)
    {
        var client = await api.StaffClientAsync(role, Cancel);

        var result = await client.QueryAsync(mutation);

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes());
    }

    private static async Task<string?> SectionIdAsync(HttpClient client, string slug) =>
        (await client.DataAsync("query($slug: String!) { section(slug: $slug) { id } }", new { slug })).GetProperty("section").GetProperty("id").GetString();

    private static async Task<string?> TagIdAsync(HttpClient client, string slug) =>
        (await client.DataAsync("query($slug: String!) { tag(slug: $slug) { id } }", new { slug })).GetProperty("tag").GetProperty("id").GetString();

    // Named as the GraphQL input fields: the record is sent as it stands, and `with` varies one field per case.
    private sealed record SponsorFields(string name, string tier, string websiteUrl, string activeFrom, string activeUntil, int displayOrder);

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
