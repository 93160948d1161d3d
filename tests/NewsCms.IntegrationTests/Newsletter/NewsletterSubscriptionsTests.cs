using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Mail;
using NewsCms.Core.Newsletter;
using NewsCms.Core.PublicForms;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Newsletter;

/// <summary>Double opt-in, signed links, one-click unsubscribe, no enumeration, limits, and the staff view of lists.</summary>
public abstract class NewsletterSubscriptionsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly StaffActor Partnerships = new(9101, "partners@newsroom.test", new HashSet<string> { StaffRoles.Partnerships });
    private static readonly StaffActor Editor = new(9102, "editor@newsroom.test", new HashSet<string> { StaffRoles.Editor });
    private static readonly NewsletterOptions Settings = new() { PublicBaseUrl = "https://news.example.com/", UnsubscribeMailbox = "unsubscribe@news.example.com" };

    private readonly FakeTimeProvider clock = new(TestContent.Now);
    // One per test (xunit makes a class instance per test), shared by the services a test makes, as the server's singleton is.
    private SubmissionThrottle? throttle;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private NewsletterSubscriptions Subscriptions() =>
        new(database.Contexts, new ServerSecretStore(database.Contexts, clock), throttle ??= new SubmissionThrottle(new InProcessSubmissionCounter(clock)), Options.Create(Settings), clock);

    [Fact]
    public async Task A_sign_up_is_pending_and_writes_one_confirmation_message_with_both_unsubscribe_headers()
    {
        database.RequireAvailable();
        var email = Unique("signup");
        await Subscriptions().SubscribeAsync($"  {email.ToUpperInvariant()} ", null, "203.0.113.1", null, Cancel);

        var subscription = Assert.Single(await SubscriptionsOfAsync(email));
        Assert.Equal((NewsletterSubscriptionStatus.Pending, TestContent.Now, "website", (DateTime?)null), (subscription.Status, subscription.ConsentAt, subscription.Source, subscription.ConfirmedAt));
        var message = Assert.Single(await MessagesToAsync(email));
        Assert.Equal(NewsletterSubscriptions.ConfirmationKind, message.Kind);
        Assert.Contains("https://news.example.com/newsletter/confirm?token=", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(NewsletterHeaders.OneClick, message.Headers[NewsletterHeaders.ListUnsubscribePost]);
        var unsubscribe = message.Headers[NewsletterHeaders.ListUnsubscribe];
        Assert.StartsWith("<https://news.example.com/newsletter/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.EndsWith(", <mailto:unsubscribe@news.example.com?subject=unsubscribe>", unsubscribe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_unknown_and_confirmed_addresses_get_the_same_answer_and_a_confirmed_one_gets_no_message()
    {
        database.RequireAvailable();
        var confirmed = Unique("confirmed");
        await Subscriptions().SubscribeAsync(confirmed, null, "203.0.113.2", null, Cancel);
        await Subscriptions().ConfirmAsync(ConfirmTokenOf(Assert.Single(await MessagesToAsync(confirmed))), Cancel);
        var pending = Unique("pending");
        await Subscriptions().SubscribeAsync(pending, null, "203.0.113.2", null, Cancel);

        // SubscribeAsync returns nothing: the GraphQL answer is a constant, so only the mailbox can differ.
        await Subscriptions().SubscribeAsync(confirmed, null, "203.0.113.2", null, Cancel);
        await Subscriptions().SubscribeAsync(pending, null, "203.0.113.2", null, Cancel);

        Assert.Single(await MessagesToAsync(confirmed));
        Assert.Equal(2, (await MessagesToAsync(pending)).Count);
        Assert.Equal(NewsletterSubscriptionStatus.Confirmed, Assert.Single(await SubscriptionsOfAsync(confirmed)).Status);
        Assert.Single(await SubscriptionsOfAsync(pending));
    }

    [Fact]
    public async Task Confirming_marks_every_list_of_the_link_confirmed_with_its_time()
    {
        database.RequireAvailable();
        var list = await CreateListAsync("Markets daily");
        var email = Unique("confirm");
        await Subscriptions().SubscribeAsync(email, [NewsletterList.WeeklySlug, list.List.Slug], "203.0.113.3", "homepage", Cancel);
        var token = ConfirmTokenOf(Assert.Single(await MessagesToAsync(email)));
        clock.Advance(TimeSpan.FromHours(2));

        var lists = await Subscriptions().ConfirmAsync(token, Cancel);

        Assert.Equal(new[] { list.List.Slug, NewsletterList.WeeklySlug }.Order(StringComparer.Ordinal), lists);
        Assert.All(await SubscriptionsOfAsync(email), s =>
        {
            Assert.Equal(NewsletterSubscriptionStatus.Confirmed, s.Status);
            Assert.Equal(TestContent.Now.AddHours(2), s.ConfirmedAt);
            Assert.Equal("homepage", s.Source);
        });
        Assert.Equal(2, (await SubscriptionsOfAsync(email)).Count);
    }

    [Fact]
    public async Task Altered_expired_or_misused_links_are_refused_and_change_nothing()
    {
        database.RequireAvailable();
        var email = Unique("tampered");
        await Subscriptions().SubscribeAsync(email, null, "203.0.113.4", null, Cancel);
        var message = Assert.Single(await MessagesToAsync(email));
        var token = ConfirmTokenOf(message);

        foreach (var bad in new[] { Flip(token, 3), Flip(token, token.Length - 3), "garbage", "", token + "A", UnsubscribeTokenOf(message) })
        {
            var error = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().ConfirmAsync(bad, Cancel));
            Assert.Equal(ErrorCode.Validation, error.Code);
            Assert.Equal(["token"], error.FieldErrors.Keys);
        }

        Assert.Equal(ErrorCode.Validation, (await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().UnsubscribeAsync(token, Cancel))).Code);
        clock.Advance(TimeSpan.FromHours(Settings.ConfirmationHours));
        var expired = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().ConfirmAsync(token, Cancel));
        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        Assert.Equal(NewsletterSubscriptionStatus.Pending, Assert.Single(await SubscriptionsOfAsync(email)).Status);
    }

    [Fact]
    public async Task Unsubscribing_is_one_click_idempotent_and_survives_erasure()
    {
        database.RequireAvailable();
        var email = Unique("leaving");
        await Subscriptions().SubscribeAsync(email, null, "203.0.113.5", null, Cancel);
        var message = Assert.Single(await MessagesToAsync(email));
        await Subscriptions().ConfirmAsync(ConfirmTokenOf(message), Cancel);
        var token = UnsubscribeTokenOf(message);
        clock.Advance(TimeSpan.FromDays(400));

        await Subscriptions().UnsubscribeAsync(token, Cancel);
        clock.Advance(TimeSpan.FromDays(1));
        await Subscriptions().UnsubscribeAsync(token, Cancel);

        var subscription = Assert.Single(await SubscriptionsOfAsync(email));
        Assert.Equal(NewsletterSubscriptionStatus.Unsubscribed, subscription.Status);
        Assert.Equal(TestContent.Now.AddDays(400), subscription.UnsubscribedAt);

        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            Assert.Equal(1, await NewsletterSubscriptions.EraseAsync(db, email.ToUpperInvariant(), Cancel));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Empty(await SubscriptionsOfAsync(email));
        await Subscriptions().UnsubscribeAsync(token, Cancel);
    }

    [Fact]
    public async Task Bad_addresses_and_unknown_lists_are_validation_errors_that_write_nothing()
    {
        database.RequireAvailable();
        var email = Unique("invalid");
        var unknown = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SubscribeAsync(email, [NewsletterList.WeeklySlug, "no-such-list"], "203.0.113.6", null, Cancel));
        Assert.Equal(ErrorCode.Validation, unknown.Code);
        Assert.Equal(["lists"], unknown.FieldErrors.Keys);
        Assert.Contains("no-such-list", unknown.FieldErrors["lists"], StringComparison.Ordinal);

        foreach (var bad in new[] { "not-an-address", "jo@localhost", "Jo <jo@example.com>", "jo@exa mple.com", new string('a', 250) + "@example.com" })
        {
            var error = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SubscribeAsync(bad, null, "203.0.113.6", null, Cancel));
            Assert.Equal(ErrorCode.Validation, error.Code);
            Assert.Equal(["email"], error.FieldErrors.Keys);
        }

        Assert.Empty(await SubscriptionsOfAsync(email));
        Assert.Empty(await MessagesToAsync(email));
    }

    [Fact]
    public async Task Sign_ups_are_limited_per_network_address_and_per_email_address()
    {
        database.RequireAvailable();
        var email = Unique("limited");
        for (var i = 0; i < Settings.SubscriptionsPerEmailPerHour; i++)
        {
            await Subscriptions().SubscribeAsync(email, null, $"198.51.100.{i}", null, Cancel);
        }

        var perEmail = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SubscribeAsync(email, null, "198.51.100.99", null, Cancel));
        Assert.Equal(ErrorCode.RateLimited, perEmail.Code);
        Assert.Equal(Settings.SubscriptionsPerEmailPerHour, (await MessagesToAsync(email)).Count);

        for (var i = 0; i < Settings.SubscriptionsPerAddressPerHour; i++)
        {
            await Subscriptions().SubscribeAsync(Unique($"crowd{i}"), null, "192.0.2.77", null, Cancel);
        }

        var last = Unique("one-too-many");
        var perAddress = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SubscribeAsync(last, null, "192.0.2.77", null, Cancel));
        Assert.Equal(ErrorCode.RateLimited, perAddress.Code);
        Assert.Empty(await SubscriptionsOfAsync(last));

        clock.Advance(TimeSpan.FromHours(1));
        await Subscriptions().SubscribeAsync(last, null, "192.0.2.77", null, Cancel);
        Assert.Single(await SubscriptionsOfAsync(last));
    }

    [Fact]
    public async Task Staff_see_counts_per_status_and_filter_subscribers_while_others_are_refused()
    {
        database.RequireAvailable();
        var list = await CreateListAsync("Counting list");
        var slug = list.List.Slug;
        var emails = Enumerable.Range(0, 4).Select(i => Unique($"count{i}")).ToList();
        foreach (var email in emails)
        {
            await Subscriptions().SubscribeAsync(email, [slug], "203.0.113.8", null, Cancel);
        }

        await Subscriptions().ConfirmAsync(ConfirmTokenOf(Assert.Single(await MessagesToAsync(emails[0]))), Cancel);
        await Subscriptions().ConfirmAsync(ConfirmTokenOf(Assert.Single(await MessagesToAsync(emails[1]))), Cancel);
        await Subscriptions().UnsubscribeAsync(UnsubscribeTokenOf(Assert.Single(await MessagesToAsync(emails[2]))), Cancel);

        var summary = Assert.Single(await Subscriptions().ListsAsync(Partnerships, Cancel), s => s.List.Slug == slug);
        Assert.Equal((1, 2, 1, 0), (summary.Pending, summary.Confirmed, summary.Unsubscribed, summary.Bounced));

        var confirmed = await Subscriptions().SubscribersAsync(Partnerships, slug, NewsletterSubscriptionStatus.Confirmed, null, PageRequest.Create(10, null), Cancel);
        Assert.Equal(new[] { emails[1], emails[0] }, confirmed.Items.Select(s => s.Email));
        var searched = await Subscriptions().SubscribersAsync(Partnerships, slug, null, emails[3][..^10].ToUpperInvariant(), PageRequest.Create(10, null), Cancel);
        Assert.Equal(emails[3], Assert.Single(searched.Items).Email);
        var first = await Subscriptions().SubscribersAsync(Partnerships, slug, null, null, PageRequest.Create(3, null), Cancel);
        var rest = await Subscriptions().SubscribersAsync(Partnerships, slug, null, null, PageRequest.Create(3, first.CursorOf(first.Items[^1])), Cancel);
        Assert.True(first.HasNextPage);
        Assert.Equal(emails.AsEnumerable().Reverse(), first.Items.Concat(rest.Items).Select(s => s.Email));

        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().ListsAsync(Editor, Cancel))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().ExportAsync(Editor, slug, Cancel))).Code);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SubscribersAsync(Partnerships, "no-such-list", null, null, PageRequest.Create(1, null), Cancel))).Code);
    }

    [Fact]
    public async Task Creating_a_list_and_exporting_it_are_audited_without_the_addresses()
    {
        database.RequireAvailable();
        var list = await CreateListAsync("Exported list");
        var email = Unique("exported");
        await Subscriptions().SubscribeAsync(email, [list.List.Slug], "203.0.113.9", null, Cancel);

        var export = await Subscriptions().ExportAsync(Partnerships, list.List.Slug, Cancel);
        var rows = new List<NewsletterSubscriber>();
        await foreach (var row in export.Rows)
        {
            rows.Add(row);
        }

        Assert.Equal(1, export.Count);
        Assert.Equal(email, Assert.Single(rows).Email);
        var entityId = list.List.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var audit = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == NewsletterSubscriptions.EntityType && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync(Cancel);
        Assert.Equal([NewsletterSubscriptions.CreateListOperation, NewsletterSubscriptions.ExportOperation], audit.Select(e => e.Operation));
        Assert.Contains("1 subscription", audit[1].Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(email, audit[1].Summary, StringComparison.Ordinal);
        Assert.Equal(Partnerships.UserId, audit[1].ActorUserId);

        var duplicate = await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().CreateListAsync(Partnerships, new NewsletterListInput("Again", list.List.Slug, null), Cancel));
        Assert.Equal(["slug"], duplicate.FieldErrors.Keys);
    }

    [Fact]
    public async Task The_dashboard_count_takes_sign_ups_since_a_time_for_staff_who_manage_partnerships_only()
    {
        database.RequireAvailable();
        // A time no other test signs anyone up at, so the count is this test's own.
        var since = TestContent.Now.AddYears(3);
        clock.SetUtcNow(since.AddMinutes(-1));
        await Subscriptions().SubscribeAsync(Unique("before"), null, "203.0.113.10", null, Cancel);
        clock.SetUtcNow(since);
        await Subscriptions().SubscribeAsync(Unique("at"), null, "203.0.113.10", null, Cancel);
        clock.SetUtcNow(since.AddDays(2));
        await Subscriptions().SubscribeAsync(Unique("after"), null, "203.0.113.10", null, Cancel);

        Assert.Equal(2, await Subscriptions().SignUpsSinceAsync(Partnerships, since, Cancel));
        Assert.Equal(0, await Subscriptions().SignUpsSinceAsync(Partnerships, since.AddDays(3), Cancel));
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<NewsCmsException>(() => Subscriptions().SignUpsSinceAsync(Editor, since, Cancel))).Code);
    }

    private async Task<NewsletterListSummary> CreateListAsync(string name) =>
        await Subscriptions().CreateListAsync(Partnerships, new NewsletterListInput(name, $"list-{Guid.NewGuid():N}"[..20], "For tests."), Cancel);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    internal static string ConfirmTokenOf(OutboxMessage message) => TokenAfter(message.TextBody, "/newsletter/confirm?token=");

    internal static string UnsubscribeTokenOf(OutboxMessage message) => TokenAfter(message.Headers[NewsletterHeaders.ListUnsubscribe], "/newsletter/unsubscribe?token=");

    private static string TokenAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = text.IndexOfAny(['>', '\r', '\n', ' '], start);
        return Uri.UnescapeDataString(text[start..(end < 0 ? text.Length : end)]);
    }

    private static string Flip(string token, int index) =>
        string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));

    private async Task<List<NewsletterSubscription>> SubscriptionsOfAsync(string email)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.NewsletterSubscriptions.AsNoTracking().Where(s => s.Email == email).ToListAsync(Cancel);
    }

    private async Task<List<OutboxMessage>> MessagesToAsync(string email)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync(Cancel);
    }
}

public sealed class SqliteNewsletterSubscriptionsTests(SqliteTestDatabase database) : NewsletterSubscriptionsTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlNewsletterSubscriptionsTests(PostgreSqlTestDatabase database) : NewsletterSubscriptionsTests<PostgreSqlTestDatabase>(database);
