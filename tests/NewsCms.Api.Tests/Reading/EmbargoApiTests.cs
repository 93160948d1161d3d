using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Relay;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Reading;

/// <summary>
/// An embargo end to end over HTTP: no public way in before its time, preview links included, then the publishing
/// job lifts it, the story appears everywhere at once, and the lift is audited and kept as a revision.
/// </summary>
public sealed class EmbargoApiTests(EmbargoApi api) : IClassFixture<EmbargoApi>
{
    private const string Slug = "embargoed-earnings";

    /// <summary>Every public way to reach a story by id, slug or list; each alias names one.</summary>
    private const string Everywhere = """
        query($id: ID!) {
          node(id: $id) { id }
          article(slug: "embargoed-earnings") { id }
          articles(first: 100) { nodes { slug } }
          filtered: articles(first: 100, section: "technology", tag: "tag-0", author: "author-0") { nodes { slug } }
          section(slug: "technology") { articles(first: 100) { nodes { slug } } }
          author(slug: "author-0") { articles(first: 100) { nodes { slug } } }
          tag(slug: "tag-0") { articles(first: 100) { nodes { slug } } }
        }
        """;

    private const string Preview = "query($token: String!) { articlePreview(token: $token) { slug } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_embargoed_story_shows_nowhere_until_the_job_lifts_it_then_everywhere_with_the_lift_audited()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var refs = await reader.DataAsync("""{ section(slug: "technology") { id } author(slug: "author-0") { id } tag(slug: "tag-0") { id } }""");

        // 16:00 in Paris is 14:00 UTC: two hours after the factory clock's noon.
        var created = (await editor.DataAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { id version embargoUntil } }",
            new
            {
                input = new
                {
                    title = "Embargoed earnings",
                    slug = Slug,
                    summary = "Results under embargo.",
                    sectionId = IdOf(refs, "section"),
                    authorIds = new[] { IdOf(refs, "author") },
                    tagIds = new[] { IdOf(refs, "tag") },
                    body = "## Results\n\nEMBARGOED FIGURES.",
                    embargoUntil = "2026-06-01T16:00:00+02:00",
                },
            })).GetProperty("createArticle");
        Assert.Equal("2026-06-01T14:00:00Z", created.GetProperty("embargoUntil").GetString());
        var id = created.GetProperty("id").GetString()!;
        Assert.True(GlobalId.TryDecode(id, out _, out var articleId));

        var published = (await editor.DataAsync("mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status scheduledFor } }", new { id }))
            .GetProperty("publishArticle");
        Assert.Equal(("SCHEDULED", "2026-06-01T14:00:00Z"), (published.GetProperty("status").GetString(), published.GetProperty("scheduledFor").GetString()));
        var token = (await editor.DataAsync("mutation($id: ID!) { createPreviewToken(articleId: $id, expiresInMinutes: 600) }", new { id }))
            .GetProperty("createPreviewToken").GetString()!;

        // A minute before the embargo ends, with the job run: nothing, anywhere.
        api.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Empty(await Publisher.PublishDueAsync(Cancel));
        Assert.Empty(PlacesShowingTheStory(await reader.DataAsync(Everywhere, new { id }), id));
        var preview = await reader.QueryAsync(Preview, new { token });
        Assert.Equal(["VALIDATION"], preview.ErrorCodes());
        Assert.Contains("embargo", preview.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("EMBARGOED FIGURES", preview.GetRawText(), StringComparison.Ordinal);

        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([articleId], await Publisher.PublishDueAsync(Cancel));

        Assert.Equal(
            ["node", "article", "articles", "filtered", "section", "author", "tag"],
            PlacesShowingTheStory(await reader.DataAsync(Everywhere, new { id }), id));
        Assert.Equal(Slug, (await reader.DataAsync(Preview, new { token })).GetProperty("articlePreview").GetProperty("slug").GetString());

        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var entityId = articleId.ToString(CultureInfo.InvariantCulture);
        var lift = await db.AuditLog.AsNoTracking().SingleAsync(e => e.EntityType == nameof(Article) && e.EntityId == entityId && e.Operation == ScheduledPublisher.LiftEmbargoOperation, Cancel);
        Assert.Equal(("system:scheduled-publishing", (int?)null, TestContent.Now.AddHours(2)), (lift.Actor, lift.ActorUserId, lift.OccurredAt));

        var history = (await editor.DataAsync("query($id: ID!) { articleRevisions(articleId: $id) { number operation actor createdAt } }", new { id }))
            .GetProperty("articleRevisions").EnumerateArray()
            .Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("operation").GetString(), r.GetProperty("actor").GetString()!.StartsWith("system:", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal([(3, ScheduledPublisher.LiftEmbargoOperation, true), (2, ArticleOperations.Publish, false), (1, ArticleOperations.Create, false)], history);
    }

    [Fact]
    public async Task A_live_story_refuses_an_embargo_and_stays_live()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var reader = api.CreateClientOrSkip();
        var refs = await reader.DataAsync("""{ section(slug: "technology") { id } author(slug: "author-0") { id } }""");
        var input = new
        {
            title = "Live before the embargo",
            slug = "live-before-the-embargo",
            summary = "Already out.",
            sectionId = IdOf(refs, "section"),
            authorIds = new[] { IdOf(refs, "author") },
        };
        var id = (await editor.DataAsync("mutation($input: ArticleInput!) { createArticle(input: $input) { id } }", new { input }))
            .GetProperty("createArticle").GetProperty("id").GetString()!;
        await editor.DataAsync("mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status } }", new { id });

        var embargoLater = api.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var result = await editor.QueryAsync(
            "mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, expectedVersion: 2, input: $input) { version } }",
            new { id, input = new { input.title, input.slug, input.summary, input.sectionId, input.authorIds, embargoUntil = embargoLater } });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        Assert.Equal(["embargoUntil"], result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(f => f.Name));
        var stored = (await editor.DataAsync("query($id: ID!) { editorialArticle(id: $id) { status version embargoUntil } }", new { id })).GetProperty("editorialArticle");
        Assert.Equal(("PUBLISHED", 2, JsonValueKind.Null), (stored.GetProperty("status").GetString(), stored.GetProperty("version").GetInt32(), stored.GetProperty("embargoUntil").ValueKind));
        Assert.NotEqual(JsonValueKind.Null, (await reader.DataAsync("""{ article(slug: "live-before-the-embargo") { id } }""")).GetProperty("article").ValueKind);
    }

    private ScheduledPublisher Publisher => api.Services.GetRequiredService<ScheduledPublisher>();

    private static string IdOf(JsonElement refs, string field) => refs.GetProperty(field).GetProperty("id").GetString()!;

    /// <summary>The aliases of <see cref="Everywhere"/> whose answer includes the story.</summary>
    private static List<string> PlacesShowingTheStory(JsonElement data, string id)
    {
        var places = new List<string>();
        if (data.GetProperty("node").ValueKind != JsonValueKind.Null && data.GetProperty("node").GetProperty("id").GetString() == id)
        {
            places.Add("node");
        }

        if (data.GetProperty("article").ValueKind != JsonValueKind.Null && data.GetProperty("article").GetProperty("id").GetString() == id)
        {
            places.Add("article");
        }

        foreach (var (place, connection) in new[]
        {
            ("articles", data.GetProperty("articles")),
            ("filtered", data.GetProperty("filtered")),
            ("section", data.GetProperty("section").GetProperty("articles")),
            ("author", data.GetProperty("author").GetProperty("articles")),
            ("tag", data.GetProperty("tag").GetProperty("articles")),
        })
        {
            if (connection.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("slug").GetString() == Slug))
            {
                places.Add(place);
            }
        }

        return places;
    }
}

/// <summary>Its own database and clock: the test moves time past the embargo, which would disturb any neighbour.</summary>
public sealed class EmbargoApi() : NewsCmsApiFactory(new Testing.Databases.SqliteTestDatabase());
