using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Applications;

/// <summary>The public application forms as a browser or a bot calls them, and the partnerships team's side of them.</summary>
public abstract class ApplicationApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string ApplyToSpeak = "mutation($input: SpeakerApplicationInput!) { applyToSpeak(input: $input) { received submittedAt } }";
    private const string ApplyToPartner = "mutation($input: PartnerApplicationInput!) { applyToPartner(input: $input) { received submittedAt } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Speaker(string email, string? key = null, string? nickname = null, string abstractText = "What we learned.") => new
    {
        name = "Jo Speaker",
        email,
        talkTitle = "Scaling newsrooms",
        @abstract = abstractText,
        shortBio = "Jo builds things.",
        topics = new[] { "media" },
        links = new[] { "https://jo.example/talk" },
        consentToContact = true,
        idempotencyKey = key,
        nickname,
    };

    private async Task<int> StoredFor(string email)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Applications.CountAsync(a => a.Email == email, Cancel);
    }

    [Fact]
    public async Task A_reader_applies_and_gets_a_receipt_only_and_the_partnerships_team_lists_it()
    {
        using var anonymous = api.CreateClientOrSkip();
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        const string List = "{ speakerApplications(first: 50, status: NEW) { nodes { id email talkTitle status version topics } } }";

        var receipt = (await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("api.listed@example.com") })).GetProperty("applyToSpeak");
        var listed = (await partnerships.DataAsync(List)).GetProperty("speakerApplications").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("email").GetString() == "api.listed@example.com");

        Assert.True(receipt.GetProperty("received").GetBoolean());
        Assert.Equal(["received", "submittedAt"], receipt.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Scaling newsrooms", "NEW", 1), (listed.GetProperty("talkTitle").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("version").GetInt32()));
        Assert.Equal(["UNAUTHENTICATED"], await anonymous.ErrorCodesAsync(List));
        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync(List));
    }

    [Fact]
    public async Task The_partnerships_team_opens_one_application_by_its_id()
    {
        using var anonymous = api.CreateClientOrSkip();
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        const string Open = "query($id: ID!) { application(id: $id) { __typename ... on SpeakerApplication { email talkTitle topics } } }";
        await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("api.opened@example.com") });
        var id = (await partnerships.DataAsync("{ speakerApplications(first: 50, status: NEW) { nodes { id email } } }"))
            .GetProperty("speakerApplications").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("email").GetString() == "api.opened@example.com").GetProperty("id").GetString();

        var opened = (await partnerships.DataAsync(Open, new { id })).GetProperty("application");

        Assert.Equal(("SpeakerApplication", "Scaling newsrooms"), (opened.GetProperty("__typename").GetString(), opened.GetProperty("talkTitle").GetString()));
        Assert.Equal(["media"], opened.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync(Open, new { id }));
        Assert.Equal(["NOT_FOUND"], await partnerships.ErrorCodesAsync(Open, new { id = "U2VjdGlvbjox" }));
    }

    [Fact]
    public async Task Every_wrong_field_comes_back_in_one_validation_error()
    {
        using var anonymous = api.CreateClientOrSkip();

        var result = await anonymous.QueryAsync(ApplyToPartner, new { input = new { contactName = "Pat", email = "nope", website = "javascript:alert(1)", consentToContact = false } });

        Assert.Equal(["VALIDATION"], result.ErrorCodes());
        var fields = result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["company", "consentToContact", "email", "kind", "message", "website"], fields);
        Assert.Equal(0, await StoredFor("nope"));
    }

    [Fact]
    public async Task A_bot_that_fills_the_honeypot_is_told_success_and_nothing_is_stored()
    {
        using var anonymous = api.CreateClientOrSkip();

        var receipt = (await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("api.bot@example.com", nickname: "seo-king") })).GetProperty("applyToSpeak");

        Assert.True(receipt.GetProperty("received").GetBoolean());
        Assert.Equal(0, await StoredFor("api.bot@example.com"));
    }

    [Fact]
    public async Task A_replayed_idempotency_key_gets_the_first_receipt_and_stores_one_application()
    {
        using var anonymous = api.CreateClientOrSkip();

        var first = (await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("api.replay@example.com", key: "9f1c") })).GetProperty("applyToSpeak").GetProperty("submittedAt").GetString();
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        var replay = (await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("api.replay@example.com", key: "9f1c") })).GetProperty("applyToSpeak").GetProperty("submittedAt").GetString();

        Assert.Equal(first, replay);
        Assert.Equal(1, await StoredFor("api.replay@example.com"));
    }

    [Fact]
    public async Task An_oversize_body_is_refused_with_413_and_nothing_is_stored()
    {
        using var anonymous = api.CreateClientOrSkip();

        using var response = await anonymous.PostAsJsonAsync(
            "/graphql", new { query = ApplyToSpeak, variables = new { input = Speaker("api.huge@example.com", abstractText: new string('a', 100_000)) } }, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredFor("api.huge@example.com"));
    }

    [Fact]
    public async Task The_team_reviews_and_accepts_a_partner_into_a_sponsor_and_erases_a_person_on_request()
    {
        using var anonymous = api.CreateClientOrSkip();
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        await anonymous.DataAsync(ApplyToPartner, new
        {
            input = new { company = "Initech Api", contactName = "Pat", email = "api.partner@example.com", kind = "SPONSORSHIP", message = "Hello.", consentToContact = true },
        });
        var id = (await partnerships.DataAsync("{ partnerApplications(first: 50) { nodes { id email } } }"))
            .GetProperty("partnerApplications").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("email").GetString() == "api.partner@example.com").GetProperty("id").GetString();

        var moved = (await partnerships.DataAsync(
            "mutation($id: ID!) { moveApplication(id: $id, expectedVersion: 1, status: IN_REVIEW) { ... on PartnerApplication { status version } } }", new { id }))
            .GetProperty("moveApplication");
        var noted = (await partnerships.DataAsync(
            "mutation($id: ID!) { addApplicationNote(id: $id, expectedVersion: 2, text: \"Good fit.\") { ... on PartnerApplication { notes { text authorEmail } } } }", new { id }))
            .GetProperty("addApplicationNote").GetProperty("notes")[0];
        var accepted = (await partnerships.DataAsync(
            "mutation($id: ID!) { acceptPartnerApplication(id: $id, expectedVersion: 3, createSponsor: true) { application { status } sponsor { slug name } } }", new { id }))
            .GetProperty("acceptPartnerApplication");
        var erased = (await partnerships.DataAsync("mutation { eraseApplicantData(email: \"API.Partner@example.com\") }")).GetProperty("eraseApplicantData").GetInt32();

        Assert.Equal(("IN_REVIEW", 2), (moved.GetProperty("status").GetString(), moved.GetProperty("version").GetInt32()));
        Assert.Equal("Good fit.", noted.GetProperty("text").GetString());
        Assert.StartsWith("partnerships", noted.GetProperty("authorEmail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ACCEPTED", accepted.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("initech-api", accepted.GetProperty("sponsor").GetProperty("slug").GetString());
        Assert.True(erased >= 3, $"erased {erased}");
        Assert.Equal(0, await StoredFor("api.partner@example.com"));
    }
}

public sealed class SqliteApplicationApiTests(SqliteApi api) : ApplicationApiTests<SqliteApi>(api);

public sealed class PostgreSqlApplicationApiTests(PostgreSqlApi api) : ApplicationApiTests<PostgreSqlApi>(api);

/// <summary>Small limits, so that a test reaches them in a few requests.</summary>
public sealed class TightApplicationLimitsApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:Applications:PerAddressLimit"] = "2",
        ["NewsCms:Applications:PerEmailLimit"] = "1",
    };
}

public sealed class ApplicationRateLimitApiTests(TightApplicationLimitsApi api) : IClassFixture<TightApplicationLimitsApi>
{
    private const string ApplyToSpeak = "mutation($input: SpeakerApplicationInput!) { applyToSpeak(input: $input) { received } }";

    private static object Speaker(string email) => new
    {
        name = "Jo",
        email,
        talkTitle = "T",
        @abstract = "A",
        shortBio = "B",
        consentToContact = true,
    };

    [Fact]
    public async Task One_email_and_then_one_address_over_the_limit_get_RATE_LIMITED_with_a_retry_time()
    {
        using var anonymous = api.CreateClientOrSkip();

        await anonymous.DataAsync(ApplyToSpeak, new { input = Speaker("limit.one@example.com") });
        var byEmail = await anonymous.QueryAsync(ApplyToSpeak, new { input = Speaker("limit.one@example.com") });
        var byAddress = await anonymous.QueryAsync(ApplyToSpeak, new { input = Speaker("limit.two@example.com") });

        Assert.Equal(["RATE_LIMITED"], byEmail.ErrorCodes());
        Assert.Equal(["RATE_LIMITED"], byAddress.ErrorCodes());
        Assert.Equal(3600, byAddress.GetProperty("errors")[0].GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32());
        await using var db = await api.Database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Applications.CountAsync(a => a.Email.StartsWith("limit."), TestContext.Current.CancellationToken));
    }
}
