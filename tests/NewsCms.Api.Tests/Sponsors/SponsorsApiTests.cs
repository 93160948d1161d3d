using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Sponsors;

/// <summary>The sponsor strip as a frontend reads it, anonymously, and the placements staff set over HTTP.</summary>
public abstract class SponsorsApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readers_get_the_active_sponsors_of_a_placement_in_order_with_logo_link_and_placements()
    {
        using var reader = api.CreateClientOrSkip();
        var now = TestContent.Now;
        var logo = TestContent.MediaAsset("api-strip-logo.png", altText: "Strip Gold logo");
        await api.Database.Contexts.SaveAsync(logo);
        var gold = TestContent.Sponsor("api-strip-gold", SponsorTier.Gold, order: 30, placements: SponsorPlacements.HomepageStrip | SponsorPlacements.Newsletter);
        (gold.WebsiteUrl, gold.TrackingUrl, gold.LogoMediaId) = ("https://gold.example", "https://track.example/gold?utm_source=strip", logo.Id);
        var silver = TestContent.Sponsor("api-strip-silver", SponsorTier.Silver, order: 20, placements: SponsorPlacements.HomepageStrip);
        silver.WebsiteUrl = "https://silver.example";
        await api.Database.Contexts.SaveAsync(
            gold,
            silver,
            TestContent.Sponsor("api-strip-ended", SponsorTier.Gold, order: 10, until: now.AddMinutes(-1), placements: SponsorPlacements.HomepageStrip),
            TestContent.Sponsor("api-strip-later", SponsorTier.Gold, order: 10, from: now.AddMinutes(1), placements: SponsorPlacements.HomepageStrip),
            TestContent.Sponsor("api-strip-mail-only", SponsorTier.Gold, order: 10, placements: SponsorPlacements.Newsletter));
        const string Strip = """
            query($placement: SponsorPlacement, $tier: SponsorTier) { sponsors(placement: $placement, tier: $tier) {
              slug tier displayOrder websiteUrl trackingUrl placements logo { url altText } } }
            """;

        var home = Ours(await reader.DataAsync(Strip, new { placement = "HOMEPAGE_STRIP" }));
        var homeGold = Ours(await reader.DataAsync(Strip, new { placement = "HOMEPAGE_STRIP", tier = "GOLD" }));
        var allGold = Ours(await reader.DataAsync("""{ sponsors(tier: GOLD) { slug } }"""));
        var events = Ours(await reader.DataAsync(Strip, new { placement = "EVENTS" }));

        Assert.Equal(["api-strip-silver", "api-strip-gold"], home.Select(Slug));
        Assert.Equal(["api-strip-gold"], homeGold.Select(Slug));
        Assert.Equal(["api-strip-mail-only", "api-strip-gold"], allGold.Select(Slug));
        Assert.Empty(events);
        var shown = home[1];
        Assert.Equal("https://track.example/gold?utm_source=strip", shown.GetProperty("trackingUrl").GetString());
        Assert.Equal(["HOMEPAGE_STRIP", "NEWSLETTER"], shown.GetProperty("placements").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(TestContent.MediaUrls.Original(logo), shown.GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal("Strip Gold logo", shown.GetProperty("logo").GetProperty("altText").GetString());
        Assert.Equal("https://silver.example", home[0].GetProperty("trackingUrl").GetString());
        Assert.Equal(JsonValueKind.Null, home[0].GetProperty("logo").ValueKind);
    }

    [Fact]
    public async Task Editors_set_placements_and_a_tracking_link_bad_links_are_refused_by_field_and_writers_are_forbidden()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var reader = api.CreateClientOrSkip();
        const string Create = """
            mutation($input: SponsorInput!) { createSponsor(input: $input) { id slug trackingUrl placements version } }
            """;
        var input = new SponsorFields("API Placed Bank", "GOLD", 40, "https://placed.example", "https://track.example/placed", ["EVENTS", "NEWSLETTER", "EVENTS"]);

        var created = (await editor.DataAsync(Create, new { input })).GetProperty("createSponsor");
        var badLink = await editor.QueryAsync(Create, new { input = input with { name = "API Script Bank", trackingUrl = "javascript:alert(1)" } });
        var forbidden = await writer.QueryAsync(Create, new { input = input with { name = "API Writer Bank" } });
        var updated = (await editor.DataAsync(
            "mutation($id: ID!, $input: SponsorInput!) { updateSponsor(id: $id, expectedVersion: 1, input: $input) { trackingUrl placements version } }",
            new { id = created.GetProperty("id").GetString(), input = input with { trackingUrl = null, placements = ["ARTICLE_SPONSORSHIP"] } })).GetProperty("updateSponsor");

        Assert.Equal(("api-placed-bank", "https://track.example/placed"), (created.GetProperty("slug").GetString(), created.GetProperty("trackingUrl").GetString()));
        Assert.Equal(["NEWSLETTER", "EVENTS"], created.GetProperty("placements").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["VALIDATION"], badLink.ErrorCodes());
        Assert.Equal(["trackingUrl"], badLink.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(f => f.Name));
        Assert.Equal(["FORBIDDEN"], forbidden.ErrorCodes());
        Assert.Equal(("https://placed.example", 2), (updated.GetProperty("trackingUrl").GetString(), updated.GetProperty("version").GetInt32()));
        Assert.Equal(["ARTICLE_SPONSORSHIP"], updated.GetProperty("placements").EnumerateArray().Select(p => p.GetString()));
        var sponsoring = (await reader.DataAsync("""{ sponsors(placement: ARTICLE_SPONSORSHIP) { slug } }""")).GetProperty("sponsors").EnumerateArray().Select(Slug).ToList();
        Assert.Contains("api-placed-bank", sponsoring);
        var strip = (await reader.DataAsync("{ sponsors { slug } }")).GetProperty("sponsors").EnumerateArray().Select(Slug).ToList();
        Assert.DoesNotContain("api-script-bank", strip);
        Assert.DoesNotContain("api-writer-bank", strip);
    }

    [Fact]
    public async Task A_sponsored_story_without_its_disclosure_is_refused_publication_on_that_field()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        var sponsor = (await editor.DataAsync("""{ sponsors { id slug } }""")).GetProperty("sponsors").EnumerateArray().First(s => Slug(s) == "ecredo").GetProperty("id").GetString();
        var section = (await editor.DataAsync("""{ section(slug: "technology") { id } }""")).GetProperty("section").GetProperty("id").GetString();
        var author = (await editor.DataAsync("""{ author(slug: "author-1") { id } }""")).GetProperty("author").GetProperty("id").GetString();
        var draft = (await editor.DataAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }",
            new { input = new { title = "API undisclosed sponsored story", summary = "A summary.", body = "A body.", sectionId = section, authorIds = new[] { author }, sponsorId = sponsor } }))
            .GetProperty("createArticle");

        var refused = await editor.QueryAsync(
            "mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status } }", new { id = draft.GetProperty("id").GetString() });

        Assert.Equal(["VALIDATION"], refused.ErrorCodes());
        Assert.Equal(["sponsorDisclosure"], refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(f => f.Name));
        var status = await editor.DataAsync("query($id: ID!) { editorialArticle(id: $id) { status } }", new { id = draft.GetProperty("id").GetString() });
        Assert.Equal("DRAFT", status.GetProperty("editorialArticle").GetProperty("status").GetString());
    }

    private static string? Slug(JsonElement sponsor) => sponsor.GetProperty("slug").GetString();

    /// <summary>Other tests of the class add sponsors to the same database: judge only this test's.</summary>
    private static List<JsonElement> Ours(JsonElement data) =>
        data.GetProperty("sponsors").EnumerateArray().Where(s => Slug(s)!.StartsWith("api-strip-", StringComparison.Ordinal)).ToList();

    // Named as the GraphQL input fields: the record is sent as it stands, and `with` varies one field per case.
    private sealed record SponsorFields(string name, string tier, int displayOrder, string websiteUrl, string? trackingUrl, string[] placements);
}

public sealed class SqliteSponsorsApiTests(SqliteApi api) : SponsorsApiTests<SqliteApi>(api);

public sealed class PostgreSqlSponsorsApiTests(PostgreSqlApi api) : SponsorsApiTests<PostgreSqlApi>(api);
