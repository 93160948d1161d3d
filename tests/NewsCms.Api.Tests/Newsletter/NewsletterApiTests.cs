using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Mail;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Newsletter;

/// <summary>
/// The newsletter over HTTP: the public sign-up and its links, their abuse, the one-click POST mail clients make, and
/// the export staff download.
/// </summary>
public abstract class NewsletterApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : NewsCmsApiFactory
{
    private const string Subscribe = "mutation($email: String!, $lists: [String!]) { subscribeToNewsletter(email: $email, lists: $lists) { accepted } }";
    private const string Confirm = "mutation($token: String!) { confirmNewsletterSubscription(token: $token) }";
    private const string Unsubscribe = "mutation($token: String!) { unsubscribeFromNewsletter(token: $token) }";
    private const string Lists = "{ newsletterLists { slug name pendingCount confirmedCount unsubscribedCount bouncedCount } }";
    private const string Subscribers = """
        query($list: String!, $status: NewsletterSubscriptionStatus, $search: String) {
          newsletterSubscribers(list: $list, status: $status, search: $search, first: 10) { nodes { email status list source confirmedAt } }
        }
        """;
    private const string CreateList = "mutation($slug: String) { createNewsletterList(input: { name: \"Test list\", slug: $slug }) { slug confirmedCount } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_answer_is_the_same_for_new_pending_and_confirmed_addresses_and_the_link_confirms()
    {
        using var reader = api.CreateClientOrSkip();
        FreshLimits();
        var email = Unique("api-signup");

        var first = await RawAsync(reader, Subscribe, new { email });
        var message = Assert.Single(await MessagesToAsync(email));
        Assert.Equal([NewsletterList.WeeklySlug], (await reader.DataAsync(Confirm, new { token = ConfirmTokenOf(message) }))
            .GetProperty("confirmNewsletterSubscription").EnumerateArray().Select(e => e.GetString()));
        var confirmed = await RawAsync(reader, Subscribe, new { email });
        var unknown = await RawAsync(reader, Subscribe, new { email = Unique("api-unknown") });

        Assert.Equal("""{"data":{"subscribeToNewsletter":{"accepted":true}}}""", first);
        Assert.Equal(first, confirmed);
        Assert.Equal(first, unknown);
        Assert.Single(await MessagesToAsync(email));
        Assert.Equal(NewsletterHeaders.OneClick, message.Headers[NewsletterHeaders.ListUnsubscribePost]);
        Assert.Contains("/newsletter/unsubscribe?token=", message.Headers[NewsletterHeaders.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal(NewsletterSubscriptionStatus.Confirmed, (await SubscriptionAsync(email)).Status);
    }

    [Fact]
    public async Task Altered_expired_and_misused_links_unknown_lists_floods_and_oversize_bodies_are_refused()
    {
        using var reader = api.CreateClientOrSkip();
        FreshLimits();
        var email = Unique("api-abuse");
        await reader.DataAsync(Subscribe, new { email });
        var message = Assert.Single(await MessagesToAsync(email));
        var token = ConfirmTokenOf(message);

        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Confirm, new { token = Altered(token) }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Confirm, new { token = UnsubscribeTokenOf(message) }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Unsubscribe, new { token }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Unsubscribe, new { token = Altered(UnsubscribeTokenOf(message)) }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Subscribe, new { email = Unique("api-lists"), lists = new[] { "no-such-list" } }));
        Assert.Equal(["VALIDATION"], await reader.ErrorCodesAsync(Subscribe, new { email = "not an address" }));

        api.Clock.Advance(TimeSpan.FromHours(new NewsletterOptions().ConfirmationHours));
        var expired = await reader.QueryAsync(Confirm, new { token });
        Assert.Equal(["VALIDATION"], expired.ErrorCodes());
        Assert.Contains("expired", expired.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(NewsletterSubscriptionStatus.Pending, (await SubscriptionAsync(email)).Status);

        var limit = new NewsletterOptions().SubscriptionsPerAddressPerHour;
        for (var i = 0; i < limit; i++)
        {
            await reader.DataAsync(Subscribe, new { email = Unique($"api-flood{i}") });
        }

        var flooded = await reader.QueryAsync(Subscribe, new { email = Unique("api-flood-over") });
        Assert.Equal(["RATE_LIMITED"], flooded.ErrorCodes());
        Assert.True(flooded.GetProperty("errors")[0].GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32() > 0);

        var huge = JsonSerializer.Serialize(new { query = Subscribe, variables = new { email = new string('x', 70_000) + "@example.com" } });
        using var body = new StringContent(huge, Encoding.UTF8, "application/json");
        using var tooLarge = await reader.PostAsync("/graphql", body, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_unsubscribes_without_cookies_and_again_changes_nothing()
    {
        using var reader = api.CreateClientOrSkip();
        FreshLimits();
        var email = Unique("api-oneclick");
        await reader.DataAsync(Subscribe, new { email });
        var message = Assert.Single(await MessagesToAsync(email));
        await reader.DataAsync(Confirm, new { token = ConfirmTokenOf(message) });
        var url = OneClickPathOf(message);

        using var first = await PostOneClickAsync(reader, url);
        var unsubscribedAt = (await SubscriptionAsync(email)).UnsubscribedAt;
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await PostOneClickAsync(reader, url);
        Assert.True((await reader.DataAsync(Unsubscribe, new { token = UnsubscribeTokenOf(message) })).GetProperty("unsubscribeFromNewsletter").GetBoolean());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var subscription = await SubscriptionAsync(email);
        Assert.Equal(NewsletterSubscriptionStatus.Unsubscribed, subscription.Status);
        Assert.Equal(unsubscribedAt, subscription.UnsubscribedAt);
        Assert.NotNull(unsubscribedAt);

        using var bad = await PostOneClickAsync(reader, Altered(url));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var missing = await PostOneClickAsync(reader, NewsletterHeaders.UnsubscribePath);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var scanned = await reader.GetAsync(url, Cancel);
        Assert.NotEqual(HttpStatusCode.OK, scanned.StatusCode);
    }

    [Fact]
    public async Task Partnerships_staff_see_counts_and_filter_subscribers_and_other_roles_may_not()
    {
        using var reader = api.CreateClientOrSkip();
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        FreshLimits();
        var slug = $"api-list-{Guid.NewGuid():N}"[..20];
        Assert.Equal(slug, (await partnerships.DataAsync(CreateList, new { slug })).GetProperty("createNewsletterList").GetProperty("slug").GetString());
        var confirmed = Unique("api-staff-confirmed");
        var pending = Unique("api-staff-pending");
        await reader.DataAsync(Subscribe, new { email = confirmed, lists = new[] { slug } });
        await reader.DataAsync(Subscribe, new { email = pending, lists = new[] { slug } });
        await reader.DataAsync(Confirm, new { token = ConfirmTokenOf(Assert.Single(await MessagesToAsync(confirmed))) });

        var list = (await partnerships.DataAsync(Lists)).GetProperty("newsletterLists").EnumerateArray().Single(l => l.GetProperty("slug").GetString() == slug);
        Assert.Equal((1, 1, 0, 0), (list.GetProperty("pendingCount").GetInt32(), list.GetProperty("confirmedCount").GetInt32(),
            list.GetProperty("unsubscribedCount").GetInt32(), list.GetProperty("bouncedCount").GetInt32()));
        var nodes = (await partnerships.DataAsync(Subscribers, new { list = slug, status = "CONFIRMED" })).GetProperty("newsletterSubscribers").GetProperty("nodes");
        Assert.Equal(confirmed, Assert.Single(nodes.EnumerateArray()).GetProperty("email").GetString());
        var searched = (await partnerships.DataAsync(Subscribers, new { list = slug, search = "API-STAFF-PENDING" })).GetProperty("newsletterSubscribers").GetProperty("nodes");
        Assert.Equal(("PENDING", slug, "website"), (searched[0].GetProperty("status").GetString(), searched[0].GetProperty("list").GetString(), searched[0].GetProperty("source").GetString()));

        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync(Subscribers, new { list = slug }));
        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync(CreateList, new { slug = "editor-list" }));
        const string SignUps = "query($since: DateTime!) { newsletterSignUpsSince(since: $since) }";
        var lastWeek = api.Clock.GetUtcNow().UtcDateTime.AddDays(-7);
        // Other tests of the class sign up too, at the same fixed time: at least this test's two are counted.
        Assert.True((await partnerships.DataAsync(SignUps, new { since = lastWeek })).GetProperty("newsletterSignUpsSince").GetInt32() >= 2);
        Assert.Equal(0, (await partnerships.DataAsync(SignUps, new { since = "2999-01-01T00:00:00Z" })).GetProperty("newsletterSignUpsSince").GetInt32());
        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync(SignUps, new { since = lastWeek }));
        Assert.Equal(["UNAUTHENTICATED"], await reader.ErrorCodesAsync(Lists));
        Assert.Equal(["NOT_FOUND"], await partnerships.ErrorCodesAsync(Subscribers, new { list = "no-such-list" }));
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.True(await db.AuditLog.AnyAsync(e => e.Operation == NewsletterSubscriptions.CreateListOperation && e.Summary.Contains(slug), Cancel));
    }

    [Fact]
    public async Task The_csv_export_is_for_partnerships_staff_quoted_defused_and_audited()
    {
        using var reader = api.CreateClientOrSkip();
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var partnerships = await api.StaffClientAsync(StaffRoles.Partnerships, Cancel);
        FreshLimits();
        var slug = $"api-csv-{Guid.NewGuid():N}"[..20];
        await partnerships.DataAsync(CreateList, new { slug });
        var formula = $"=cmd-{Guid.NewGuid():N}@example.com";
        await reader.DataAsync(Subscribe, new { email = formula, lists = new[] { slug } });
        await reader.DataAsync(Confirm, new { token = ConfirmTokenOf(Assert.Single(await MessagesToAsync(formula))) });
        await using (var db = await api.Database.Contexts.CreateDbContextAsync(Cancel))
        {
            var listId = await db.NewsletterLists.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(Cancel);
            db.NewsletterSubscriptions.Add(new NewsletterSubscription
            {
                ListId = listId, Email = "import@example.com", Source = "=HYPERLINK(\"http://evil.example\",\"x,y\")",
                Status = NewsletterSubscriptionStatus.Bounced, ConsentAt = api.Clock.GetUtcNow().UtcDateTime, CreatedAt = api.Clock.GetUtcNow().UtcDateTime, Version = 1,
            });
            await db.SaveChangesAsync(Cancel);
        }

        var path = $"/exports/newsletter/{slug}.csv";
        using var anonymous = await reader.GetAsync(path, Cancel);
        using var forbidden = await writer.GetAsync(path, Cancel);
        using var unknown = await partnerships.GetAsync("/exports/newsletter/no-such-list.csv", Cancel);
        using var response = await partnerships.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var now = api.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            "email,status,consentAt,confirmedAt,source\r\n"
            + $"'{formula},Confirmed,{now},{now},website\r\n"
            + $"import@example.com,Bounced,{now},,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x,y\"\")\"\r\n",
            await response.Content.ReadAsStringAsync(Cancel));

        await using var check = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var audit = await check.AuditLog.Where(e => e.Operation == NewsletterSubscriptions.ExportOperation && e.Summary.Contains(slug)).ToListAsync(Cancel);
        Assert.Contains("2 subscriptions", Assert.Single(audit).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("@", audit[0].Summary, StringComparison.Ordinal);
    }

    /// <summary>The tests share one in-process client address, so each starts in a fresh window of the limits.</summary>
    private void FreshLimits() => api.Clock.Advance(TimeSpan.FromHours(1));

    private static async Task<string> RawAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, Cancel);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<HttpResponseMessage> PostOneClickAsync(HttpClient client, string path)
    {
        using var form = new StringContent(NewsletterHeaders.OneClick, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(path, form, Cancel);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    private static string Altered(string token)
    {
        var index = token.Length - 5;
        return string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));
    }

    private static string ConfirmTokenOf(OutboxMessage message) => TokenAfter(message.TextBody, "/newsletter/confirm?token=");

    private static string UnsubscribeTokenOf(OutboxMessage message) => TokenAfter(message.Headers[NewsletterHeaders.ListUnsubscribe], "/newsletter/unsubscribe?token=");

    /// <summary>The https link of List-Unsubscribe, as a path on the test server.</summary>
    private static string OneClickPathOf(OutboxMessage message)
    {
        var header = message.Headers[NewsletterHeaders.ListUnsubscribe];
        var link = new Uri(header[1..header.IndexOf('>', StringComparison.Ordinal)]);
        return link.PathAndQuery;
    }

    private static string TokenAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = text.IndexOfAny(['>', '\r', '\n', ' '], start);
        return Uri.UnescapeDataString(text[start..(end < 0 ? text.Length : end)]);
    }

    private async Task<NewsletterSubscription> SubscriptionAsync(string email)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.NewsletterSubscriptions.AsNoTracking().SingleAsync(s => s.Email == email, Cancel);
    }

    private async Task<List<OutboxMessage>> MessagesToAsync(string email)
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync(Cancel);
    }
}

public sealed class SqliteNewsletterApiTests(SqliteApi api) : NewsletterApiTests<SqliteApi>(api);

public sealed class PostgreSqlNewsletterApiTests(PostgreSqlApi api) : NewsletterApiTests<PostgreSqlApi>(api);
