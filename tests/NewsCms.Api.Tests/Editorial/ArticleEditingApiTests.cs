using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Editorial;

/// <summary>
/// The editorial write path over HTTP with real API tokens: a story's whole life, the error codes a tool branches on,
/// and editors saving the same version at once.
/// </summary>
public abstract class ArticleEditingApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Fields = "id status version title slug summary body html publishedAt updatedAt createdBy section { slug } authors { slug } tags { slug }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_story_goes_from_draft_through_review_live_and_into_the_archive()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var refs = await ReferencesAsync(reader);

        var created = await MutateAsync(writer, "createArticle", "$input: ArticleInput!", "input: $input", new
        {
            input = new { title = "Lifecycle story", summary = "It goes all the way.", sectionId = refs.Technology, authorIds = new[] { refs.Authors[1], refs.Authors[0] }, tagIds = new[] { refs.Tag }, body = "## First\n\nDraft text." },
        });
        Assert.Equal(("DRAFT", 1, "lifecycle-story"), (created.GetProperty("status").GetString(), created.GetProperty("version").GetInt32(), created.GetProperty("slug").GetString()));
        Assert.StartsWith("writer-", created.GetProperty("createdBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(["author-1", "author-0"], created.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal("technology", created.GetProperty("section").GetProperty("slug").GetString());
        Assert.Contains("<h2 id=\"first\">", created.GetProperty("html").GetString(), StringComparison.Ordinal);
        var id = created.GetProperty("id").GetString()!;

        var updated = await MutateAsync(writer, "updateArticle", "$id: ID!, $input: ArticleInput!", "id: $id, expectedVersion: 1, input: $input", new
        {
            id,
            input = new { title = "Lifecycle story", summary = "It goes all the way.", sectionId = refs.Technology, authorIds = new[] { refs.Authors[1] }, body = "## First\n\nBetter text." },
        });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());

        var submitted = await TransitionAsync(writer, "submitArticleForReview", id, 2);
        Assert.Equal("IN_REVIEW", submitted.GetProperty("status").GetString());
        Assert.Equal(["FORBIDDEN"], await writer.ErrorCodesAsync("mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 3) { status } }", new { id }));

        var published = await TransitionAsync(editor, "publishArticle", id, 3);
        Assert.Equal(("PUBLISHED", "2026-06-01T12:00:00Z"), (published.GetProperty("status").GetString(), published.GetProperty("publishedAt").GetString()));
        var live = await reader.DataAsync("{ article(slug: \"lifecycle-story\") { id title text } }");
        Assert.Equal(id, live.GetProperty("article").GetProperty("id").GetString());
        Assert.Equal(["FORBIDDEN"], await writer.ErrorCodesAsync(
            "mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: 4, input: $input) { version } }",
            new { id, input = new { title = "Writers cannot touch live stories" } }));

        var renamed = await MutateAsync(editor, "updateArticle", "$id: ID!, $input: ArticleInput!", "id: $id, expectedVersion: 4, input: $input", new
        {
            id,
            input = new { title = "Lifecycle story, renamed", slug = "lifecycle-story-renamed", summary = "It goes all the way.", sectionId = refs.Technology, authorIds = new[] { refs.Authors[1] }, body = "## First\n\nBetter text." },
        });
        Assert.Equal("lifecycle-story-renamed", renamed.GetProperty("slug").GetString());

        var history = await editor.DataAsync("query($id: ID!) { articleRevisions(articleId: $id) { number operation actor } }", new { id });
        Assert.Equal(
            ["updateArticle", "publishArticle", "submitArticleForReview", "updateArticle", "createArticle"],
            history.GetProperty("articleRevisions").EnumerateArray().Select(r => r.GetProperty("operation").GetString()));
        var diff = await editor.DataAsync("query($id: ID!) { articleRevisionDiff(articleId: $id, fromRevision: 1, toRevision: 2) { kind oldLineNumber newLineNumber text } }", new { id });
        var changes = diff.GetProperty("articleRevisionDiff").EnumerateArray().Where(l => l.GetProperty("kind").GetString() != "UNCHANGED").Select(l => $"{l.GetProperty("kind").GetString()} {l.GetProperty("text").GetString()}");
        Assert.Contains("ADDED Better text.", changes);
        Assert.Contains("REMOVED Draft text.", changes);

        var unpublished = await TransitionAsync(editor, "unpublishArticle", id, 5);
        Assert.Equal("UNPUBLISHED", unpublished.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await reader.DataAsync("{ article(slug: \"lifecycle-story-renamed\") { id } }")).GetProperty("article").ValueKind);
        var archived = await TransitionAsync(editor, "archiveArticle", id, 6);
        Assert.Equal("ARCHIVED", archived.GetProperty("status").GetString());
        Assert.Equal(["VALIDATION"], await editor.ErrorCodesAsync("mutation($id: ID!) { deleteArticle(id: $id, expectedVersion: 7) }", new { id }));

        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var articleId = await db.Articles.Where(a => a.Slug == "lifecycle-story-renamed").Select(a => a.Id).SingleAsync(Cancel);
        Assert.Equal("lifecycle-story", (await db.ArticleSlugRedirects.SingleAsync(r => r.ArticleId == articleId, Cancel)).Slug);
        var entityId = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(7, await db.AuditLog.CountAsync(e => e.EntityType == "Article" && e.EntityId == entityId, Cancel));
    }

    [Fact]
    public async Task A_draft_that_never_ran_can_be_deleted_and_is_gone()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var created = await MutateAsync(writer, "createArticle", "$input: ArticleInput!", "input: $input", new { input = new { title = "Doomed draft" } });
        var id = created.GetProperty("id").GetString()!;

        var deleted = await writer.DataAsync("mutation($id: ID!) { deleteArticle(id: $id, expectedVersion: 1) }", new { id });

        Assert.Equal(id, deleted.GetProperty("deleteArticle").GetString());
        Assert.Equal(JsonValueKind.Null, (await writer.DataAsync("query($id: ID!) { editorialArticle(id: $id) { id } }", new { id })).GetProperty("editorialArticle").ValueKind);
    }

    [Fact]
    public async Task Errors_carry_the_codes_and_details_a_tool_branches_on()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var created = await MutateAsync(editor, "createArticle", "$input: ArticleInput!", "input: $input", new { input = new { title = "Error codes" } });
        var id = created.GetProperty("id").GetString()!;

        var invalid = await editor.QueryAsync("mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status } }", new { id });
        var fields = invalid.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields");
        Assert.Equal(["VALIDATION"], invalid.ErrorCodes());
        Assert.Equal(["authorIds", "sectionId", "summary"], fields.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        await TransitionAsync(editor, "submitArticleForReview", id, 1);
        var stale = await editor.QueryAsync("mutation($id: ID!) { submitArticleForReview(id: $id, expectedVersion: 1) { status } }", new { id });
        Assert.Equal(["CONFLICT"], stale.ErrorCodes());
        Assert.Equal(2, stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32());

        var badReference = await editor.QueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { id } }",
            new { input = new { title = "Bad reference", sectionId = id, authorIds = new[] { "bm9wZQ" } } });
        Assert.Equal(["VALIDATION"], badReference.ErrorCodes());
        Assert.Equal(["authorIds", "sectionId"], badReference.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(["NOT_FOUND"], await editor.ErrorCodesAsync("mutation { publishArticle(id: \"bm9wZQ\", expectedVersion: 1) { status } }"));
    }

    [Fact]
    public async Task Only_staff_who_read_drafts_see_the_editorial_side()
    {
        using var anonymous = api.CreateClientOrSkip();
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);

        Assert.Equal(["UNAUTHENTICATED"], await anonymous.ErrorCodesAsync("{ editorialArticles(first: 1) { nodes { id } } }"));
        Assert.Equal(["UNAUTHENTICATED"], await anonymous.ErrorCodesAsync("mutation { createArticle(input: { title: \"x\" }) { id } }"));
        Assert.Equal(["FORBIDDEN"], await partnerships.ErrorCodesAsync("{ editorialArticles(first: 1) { nodes { id } } }"));
        Assert.Equal(["FORBIDDEN"], await partnerships.ErrorCodesAsync("mutation { createArticle(input: { title: \"x\" }) { id } }"));

        var drafts = await writer.DataAsync("{ editorialArticles(first: 5, status: DRAFT) { nodes { slug status body } pageInfo { hasNextPage } } }");
        var nodes = drafts.GetProperty("editorialArticles").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal("DRAFT", n.GetProperty("status").GetString()));
        Assert.Contains(nodes, n => n.GetProperty("body").GetString() == "SECRET DRAFT BODY");
    }

    [Fact]
    public async Task The_editorial_list_pages_by_last_change_without_loading_references_one_by_one()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        const string Query = "query($after: String) { editorialArticles(first: 40, after: $after) { nodes { id " + Fields + " sponsor { slug } } pageInfo { hasNextPage endCursor } } }";

        api.Sql.Reset();
        var first = await editor.DataAsync(Query);
        var statements = api.Sql.Count;
        var second = await editor.DataAsync(Query, new { after = first.GetProperty("editorialArticles").GetProperty("pageInfo").GetProperty("endCursor").GetString() });

        var firstIds = first.GetProperty("editorialArticles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        var secondIds = second.GetProperty("editorialArticles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(40, firstIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.InRange(statements, 1, 12);
    }

    [Fact]
    public async Task The_editorial_list_takes_the_stories_desk_filters()
    {
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var refs = await ReferencesAsync(writer);
        var word = $"filtered{Guid.NewGuid():N}"[..16];
        var mine = await MutateAsync(writer, "createArticle", "$input: ArticleInput!", "input: $input", new
        {
            input = new { title = $"{word} by the writer", sectionId = refs.Technology, authorIds = new[] { refs.Authors[1] } },
        });
        await MutateAsync(editor, "createArticle", "$input: ArticleInput!", "input: $input", new { input = new { title = $"{word} by the editor" } });
        const string Query = "query($search: String, $section: ID, $author: ID, $mine: Boolean, $from: DateTime) { editorialArticles(first: 10, search: $search, sectionId: $section, authorId: $author, mine: $mine, changedFrom: $from) { nodes { id title } } }";

        static List<string?> Titles(JsonElement data) =>
            [.. data.GetProperty("editorialArticles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString())];

        Assert.Equal([$"{word} by the editor", $"{word} by the writer"], Titles(await editor.DataAsync(Query, new { search = word.ToUpperInvariant() })));
        Assert.Equal([$"{word} by the writer"], Titles(await editor.DataAsync(Query, new { search = word, section = refs.Technology, author = refs.Authors[1] })));
        Assert.Equal([$"{word} by the writer"], Titles(await writer.DataAsync(Query, new { search = word, mine = true })));
        Assert.Empty(Titles(await editor.DataAsync(Query, new { search = word, from = "2999-01-01T00:00:00Z" })));
        Assert.Equal(mine.GetProperty("id").GetString(), (await editor.DataAsync(Query, new { search = word, mine = false, section = refs.Technology }))
            .GetProperty("editorialArticles").GetProperty("nodes")[0].GetProperty("id").GetString());

        var wrongKind = await editor.QueryAsync(Query, new { section = refs.Authors[0] });
        Assert.Equal(["VALIDATION"], wrongKind.ErrorCodes());
    }

    [Fact]
    public async Task Times_sent_with_an_offset_are_stored_in_utc()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var refs = await ReferencesAsync(editor);
        var created = await MutateAsync(editor, "createArticle", "$input: ArticleInput!", "input: $input", new
        {
            input = new { title = "Offset times", summary = "Times.", sectionId = refs.Technology, authorIds = new[] { refs.Authors[0] }, embargoUntil = "2026-06-01T15:00:00+02:00" },
        });
        Assert.Equal("2026-06-01T13:00:00Z", created.GetProperty("embargoUntil").GetString());
        var id = created.GetProperty("id").GetString()!;

        var scheduled = await editor.DataAsync(
            "mutation($id: ID!) { scheduleArticle(id: $id, expectedVersion: 1, at: \"2026-06-01T16:30:00+02:00\") { status publishedAt scheduledFor } }", new { id });
        var schedule = scheduled.GetProperty("scheduleArticle");
        Assert.Equal(("SCHEDULED", "2026-06-01T14:30:00Z", "2026-06-01T14:30:00Z"), (schedule.GetProperty("status").GetString(), schedule.GetProperty("publishedAt").GetString(), schedule.GetProperty("scheduledFor").GetString()));

        var early = await editor.QueryAsync(
            "mutation($id: ID!) { unpublishArticle(id: $id, expectedVersion: 2) { version } }", new { id });
        Assert.False(early.TryGetProperty("errors", out _));
        var afterUnpublishing = await editor.DataAsync("query($id: ID!) { editorialArticle(id: $id) { status scheduledFor } }", new { id });
        Assert.Equal(JsonValueKind.Null, afterUnpublishing.GetProperty("editorialArticle").GetProperty("scheduledFor").ValueKind);
        var tooEarly = await editor.QueryAsync(
            "mutation($id: ID!) { scheduleArticle(id: $id, expectedVersion: 3, at: \"2026-06-01T14:30:00+02:00\") { status } }", new { id });
        Assert.Equal(["VALIDATION"], tooEarly.ErrorCodes());
        Assert.Equal("at", tooEarly.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Of_concurrent_saves_on_one_version_exactly_one_wins_over_http()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var created = await MutateAsync(editor, "createArticle", "$input: ArticleInput!", "input: $input", new { input = new { title = "Raced over HTTP" } });
        var id = created.GetProperty("id").GetString()!;

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(async n =>
        {
            await Task.Yield();
            return (n, await editor.QueryAsync(
                "mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: 1, input: $input) { version body } }",
                new { id, input = new { title = "Raced over HTTP", body = $"Body from request {n}." } }));
        }));

        var winners = results.Where(r => !r.Item2.TryGetProperty("errors", out _)).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Except(winners), r =>
        {
            Assert.Equal(["CONFLICT"], r.Item2.ErrorCodes());
            Assert.Equal(2, r.Item2.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32());
        });
        var stored = await editor.DataAsync("query($id: ID!) { editorialArticle(id: $id) { version body } }", new { id });
        Assert.Equal(2, stored.GetProperty("editorialArticle").GetProperty("version").GetInt32());
        Assert.Equal($"Body from request {winner.n}.", stored.GetProperty("editorialArticle").GetProperty("body").GetString());
    }

    private static async Task<JsonElement> MutateAsync(HttpClient client, string field, string parameters, string arguments, object variables)
    {
        var data = await client.DataAsync($"mutation({parameters}) {{ {field}({arguments}) {{ {Fields} embargoUntil }} }}", variables);
        return data.GetProperty(field);
    }

    private static Task<JsonElement> TransitionAsync(HttpClient client, string field, string id, int expectedVersion) =>
        MutateAsync(client, field, "$id: ID!, $version: Int!", "id: $id, expectedVersion: $version", new { id, version = expectedVersion });

    private static async Task<NewsroomIds> ReferencesAsync(HttpClient client)
    {
        var data = await client.DataAsync("""{ section(slug: "technology") { id } a0: author(slug: "author-0") { id } a1: author(slug: "author-1") { id } tag(slug: "tag-0") { id } }""");
        return new NewsroomIds(
            data.GetProperty("section").GetProperty("id").GetString()!,
            [data.GetProperty("a0").GetProperty("id").GetString()!, data.GetProperty("a1").GetProperty("id").GetString()!],
            data.GetProperty("tag").GetProperty("id").GetString()!);
    }

    private sealed record NewsroomIds(string Technology, IReadOnlyList<string> Authors, string Tag);
}

public sealed class SqliteArticleEditingApiTests(SqliteApi api) : ArticleEditingApiTests<SqliteApi>(api);

public sealed class PostgreSqlArticleEditingApiTests(PostgreSqlApi api) : ArticleEditingApiTests<PostgreSqlApi>(api);
