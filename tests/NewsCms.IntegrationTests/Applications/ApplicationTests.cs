using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Applications;
using NewsCms.Core.Common;
using NewsCms.Core.Newsletter;
using NewsCms.Core.PublicForms;
using NewsCms.Core.Sponsors;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Applications;

public abstract class ApplicationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ApplicationOptions Settings(int perAddress = 100, int perEmail = 100) =>
        new() { NotifyAddress = "partnerships@newscms.test", PerAddressLimit = perAddress, PerEmailLimit = perEmail };

    private ApplicationIntake Intake(ApplicationOptions? settings = null, IDbContextFactory<Core.Data.NewsCmsDbContext>? contexts = null) =>
        new(contexts ?? database.Contexts, new SubmissionThrottle(new InProcessSubmissionCounter(clock)), Options.Create(settings ?? Settings()), clock);

    private ApplicationReview Review() => new(database.Contexts, clock);

    private static SpeakerApplicationInput Speaker(string email, string? key = null, string? honeypot = null) =>
        new("Jo Speaker", email, "Acme", "CTO", "Scaling newsrooms", "What we learned.", "Jo builds things.", ["media", "tech"], ["https://jo.example/talk"], null, true, key, honeypot);

    private static PartnerApplicationInput Partner(string email, string company = "Acme Widgets") =>
        new(company, "Pat Partner", email, "+49 30 1234", "https://acme.example", PartnershipKind.Sponsorship, BudgetRange.From5kTo20k, "Let us sponsor.", true);

    private async Task<int> StoredFor(string email)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Applications.CountAsync(a => a.Email == email, Cancel);
    }

    private async Task<List<string>> MailTo(string address)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.OutboxMessages.Where(m => m.ToAddress == address).OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync(Cancel);
    }

    private async Task<Application> Stored(string email)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Email == email, Cancel);
    }

    [Fact]
    public async Task A_valid_speaker_application_is_stored_with_a_confirmation_and_a_staff_notice()
    {
        database.RequireAvailable();

        var receipt = await Intake().ApplyToSpeakAsync("203.0.113.1", Speaker(" Jo.Valid@Example.com "), Cancel);

        var stored = (SpeakerApplication)await Stored("jo.valid@example.com");
        Assert.Equal(TestContent.Now, receipt.SubmittedAt);
        Assert.Equal((ApplicationStatus.New, 1, "Scaling newsrooms"), (stored.Status, stored.Version, stored.TalkTitle));
        Assert.Equal(["media", "tech"], stored.Topics);
        Assert.Equal(["https://jo.example/talk"], stored.Links);
        Assert.Equal(["speakerApplicationReceived"], await MailTo("jo.valid@example.com"));
        Assert.Contains("speakerApplicationNotification", await MailTo("partnerships@newscms.test"));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_in_one_error_and_nothing_is_stored()
    {
        database.RequireAvailable();
        var speaker = new SpeakerApplicationInput(
            " ", "not-an-address", null, null, new string('t', SpeakerApplication.TalkTitleMaxLength + 1), "", "bio",
            null, ["javascript:alert(1)"], null, false);
        var partner = new PartnerApplicationInput(
            "", "Pat", "Pat <pat@example.com>", null, "ftp://files.example.com", null, null, " ", true);

        var speakerError = await FailsWith(ErrorCode.Validation, () => Intake().ApplyToSpeakAsync("203.0.113.2", speaker, Cancel));
        var partnerError = await FailsWith(ErrorCode.Validation, () => Intake().ApplyToPartnerAsync("203.0.113.2", partner, Cancel));

        Assert.Equal(["abstract", "consentToContact", "email", "links", "name", "talkTitle"], speakerError.FieldErrors.Keys.Order());
        Assert.Equal(["company", "email", "kind", "message", "website"], partnerError.FieldErrors.Keys.Order());
        Assert.Equal(0, await StoredFor("not-an-address"));
        Assert.Equal(0, await StoredFor("pat <pat@example.com>"));
    }

    [Fact]
    public async Task A_filled_honeypot_answers_like_success_and_stores_and_sends_nothing()
    {
        database.RequireAvailable();

        var receipt = await Intake().ApplyToSpeakAsync("203.0.113.3", Speaker("bot@example.com", honeypot: "Buy now"), Cancel);

        Assert.Equal(TestContent.Now, receipt.SubmittedAt);
        Assert.Equal(0, await StoredFor("bot@example.com"));
        Assert.Empty(await MailTo("bot@example.com"));
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_first_receipt_and_stores_nothing_new()
    {
        database.RequireAvailable();
        var intake = Intake();

        var first = await intake.ApplyToSpeakAsync("203.0.113.4", Speaker("replay@example.com", key: "key-1"), Cancel);
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await intake.ApplyToSpeakAsync("203.0.113.4", Speaker("REPLAY@example.com", key: "key-1"), Cancel);
        var otherKey = await intake.ApplyToSpeakAsync("203.0.113.4", Speaker("replay@example.com", key: "key-2"), Cancel);

        Assert.Equal(first, again);
        Assert.Equal(first.SubmittedAt.AddMinutes(5), otherKey.SubmittedAt);
        Assert.Equal(2, await StoredFor("replay@example.com"));
        Assert.Equal(2, (await MailTo("replay@example.com")).Count);
    }

    [Fact]
    public async Task Racing_submissions_with_one_key_store_one_application_and_all_get_its_receipt()
    {
        database.RequireAvailable();
        var barrier = new RaceBarrier();
        var intake = Intake(contexts: database.WithSavesMeetingAt(barrier));
        barrier.Arm(3);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => intake.ApplyToPartnerAsync("203.0.113.5", Partner("race@example.com") with { IdempotencyKey = "race-key" }, Cancel), Cancel)));

        Assert.Single(receipts.Distinct());
        Assert.Equal(1, await StoredFor("race@example.com"));
        Assert.Single(await MailTo("race@example.com"));
    }

    [Fact]
    public async Task Too_many_submissions_from_one_address_or_for_one_email_are_rate_limited_with_a_retry_time()
    {
        database.RequireAvailable();
        var intake = Intake(Settings(perAddress: 2, perEmail: 2));

        await intake.ApplyToSpeakAsync("198.51.100.1", Speaker("limit-a@example.com"), Cancel);
        await intake.ApplyToSpeakAsync("198.51.100.1", Speaker("limit-b@example.com"), Cancel);
        var byAddress = await FailsWith(ErrorCode.RateLimited, () => intake.ApplyToSpeakAsync("198.51.100.1", Speaker("limit-c@example.com"), Cancel));
        await intake.ApplyToPartnerAsync("198.51.100.2", Partner("limit-a@example.com"), Cancel);
        var byEmail = await FailsWith(ErrorCode.RateLimited, () => intake.ApplyToPartnerAsync("198.51.100.3", Partner("limit-a@example.com"), Cancel));
        clock.Advance(TimeSpan.FromHours(1));
        await intake.ApplyToSpeakAsync("198.51.100.1", Speaker("limit-c@example.com"), Cancel);

        Assert.Equal(3600, byAddress.Details["retryAfterSeconds"]);
        Assert.Equal(3600, byEmail.Details["retryAfterSeconds"]);
        Assert.Equal(2, await StoredFor("limit-a@example.com"));
        Assert.Equal(1, await StoredFor("limit-c@example.com"));
    }

    [Fact]
    public async Task A_reviewer_opens_one_application_of_either_kind_and_others_may_not()
    {
        database.RequireAvailable();
        await Intake().ApplyToSpeakAsync("203.0.113.30", Speaker("opened-speaker@example.com"), Cancel);
        await Intake().ApplyToPartnerAsync("203.0.113.30", Partner("opened-partner@example.com", "Opened Widgets"), Cancel);
        var speakerId = (await Stored("opened-speaker@example.com")).Id;
        var partnerId = (await Stored("opened-partner@example.com")).Id;

        var speaker = Assert.IsType<SpeakerApplication>(await Review().FindAsync(TestActors.Partnerships, speakerId, Cancel));
        var partner = Assert.IsType<PartnerApplication>(await Review().FindAsync(TestActors.Administrator, partnerId, Cancel));
        await FailsWith(ErrorCode.Forbidden, () => Review().FindAsync(TestActors.Editor, speakerId, Cancel));
        await FailsWith(ErrorCode.NotFound, () => Review().FindAsync(TestActors.Partnerships, 987_654, Cancel));

        Assert.Equal("Scaling newsrooms", speaker.TalkTitle);
        Assert.Equal(["media", "tech"], speaker.Topics);
        Assert.Equal(("Opened Widgets", "Let us sponsor."), (partner.Company, partner.Message));
    }

    [Fact]
    public async Task Status_moves_follow_the_rules_check_the_version_mail_the_decision_and_are_audited()
    {
        database.RequireAvailable();
        await Intake().ApplyToSpeakAsync("203.0.113.6", Speaker("moves@example.com"), Cancel);
        var id = (await Stored("moves@example.com")).Id;
        var review = Review();

        var skip = await FailsWith(ErrorCode.Validation, () => review.MoveAsync(TestActors.Partnerships, id, 1, ApplicationStatus.Accepted, Cancel));
        await review.MoveAsync(TestActors.Partnerships, id, 1, ApplicationStatus.InReview, Cancel);
        var stale = await FailsWith(ErrorCode.Conflict, () => review.MoveAsync(TestActors.Partnerships, id, 1, ApplicationStatus.Declined, Cancel));
        await review.AddNoteAsync(TestActors.Administrator, id, 2, "Too salesy.", Cancel);
        var declined = await review.MoveAsync(TestActors.Partnerships, id, 3, ApplicationStatus.Declined, Cancel);
        var final = await FailsWith(ErrorCode.Validation, () => review.MoveAsync(TestActors.Partnerships, id, 4, ApplicationStatus.InReview, Cancel));
        await FailsWith(ErrorCode.Forbidden, () => review.MoveAsync(TestActors.Editor, id, 4, ApplicationStatus.Withdrawn, Cancel));

        Assert.Equal(["status"], skip.FieldErrors.Keys);
        Assert.Equal(["status"], final.FieldErrors.Keys);
        Assert.Equal(2, stale.Details["currentVersion"]);
        Assert.Equal((ApplicationStatus.Declined, 4, TestContent.Now), (declined.Status, declined.Version, declined.DecidedAt));
        Assert.Equal(["speakerApplicationReceived", "speakerApplicationDeclined"], await MailTo("moves@example.com"));
        Assert.Equal(
            [("moveApplication", 4), ("addApplicationNote", 1), ("moveApplication", 4)],
            (await database.AuditOf(ApplicationReview.SpeakerEntityType, id)).Select(a => (a.Operation, a.ActorUserId ?? 0)));
        var notes = await review.NotesOfAsync([id], Cancel);
        Assert.Equal(["Too salesy."], notes[id].Select(n => n.Text));
    }

    [Fact]
    public async Task Accepting_a_partner_can_create_a_sponsor_with_a_free_slug_in_the_same_transaction()
    {
        database.RequireAvailable();
        await Intake().ApplyToPartnerAsync("203.0.113.7", Partner("sponsor-one@example.com", "Globex Partner Co"), Cancel);
        await Intake().ApplyToPartnerAsync("203.0.113.7", Partner("sponsor-two@example.com", "Globex Partner Co"), Cancel);
        var first = (await Stored("sponsor-one@example.com")).Id;
        var second = (await Stored("sponsor-two@example.com")).Id;
        var review = Review();
        await review.MoveAsync(TestActors.Partnerships, first, 1, ApplicationStatus.InReview, Cancel);
        await review.MoveAsync(TestActors.Partnerships, second, 1, ApplicationStatus.InReview, Cancel);

        var (accepted, sponsor) = await review.AcceptPartnerAsync(TestActors.Partnerships, first, 2, createSponsor: true, Cancel);
        var (_, again) = await review.AcceptPartnerAsync(TestActors.Partnerships, second, 2, createSponsor: true, Cancel);
        await FailsWith(ErrorCode.Validation, () => review.AcceptPartnerAsync(TestActors.Partnerships, first, 3, createSponsor: true, Cancel));

        Assert.Equal((ApplicationStatus.Accepted, 3), (accepted.Status, accepted.Version));
        Assert.Equal(("globex-partner-co", "Globex Partner Co", "https://acme.example", SponsorTier.Partner), (sponsor!.Slug, sponsor.Name, sponsor.WebsiteUrl, sponsor.Tier));
        Assert.Equal("globex-partner-co-2", again!.Slug);
        Assert.Equal(["createSponsor"], (await database.AuditOf(SponsorEditor.EntityType, sponsor.Id)).Select(a => a.Operation));
        Assert.Equal("acceptPartnerApplication", (await database.AuditOf(ApplicationReview.PartnerEntityType, first))[^1].Operation);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(2, await db.Sponsors.CountAsync(s => s.Slug.StartsWith("globex-partner-co"), Cancel));
    }

    [Fact]
    public async Task Retention_erases_declined_and_withdrawn_applications_decided_before_the_period_only()
    {
        database.RequireAvailable();
        var review = Review();
        foreach (var email in new[] { "old-declined@example.com", "old-withdrawn@example.com", "recent-declined@example.com", "old-open@example.com" })
        {
            await Intake().ApplyToSpeakAsync("203.0.113.8", Speaker(email), Cancel);
        }

        await review.MoveAsync(TestActors.Partnerships, (await Stored("old-declined@example.com")).Id, 1, ApplicationStatus.Declined, Cancel);
        await review.MoveAsync(TestActors.Partnerships, (await Stored("old-withdrawn@example.com")).Id, 1, ApplicationStatus.Withdrawn, Cancel);
        clock.Advance(TimeSpan.FromDays(100));
        await review.MoveAsync(TestActors.Partnerships, (await Stored("recent-declined@example.com")).Id, 1, ApplicationStatus.Declined, Cancel);
        clock.Advance(TimeSpan.FromDays(81));
        var retention = new ApplicationRetention(database.Contexts, Options.Create(new ApplicationOptions { RetentionDays = 180 }), clock);

        var erased = await retention.EraseExpiredAsync(Cancel);

        Assert.True(erased >= 2);
        Assert.Equal(0, await StoredFor("old-declined@example.com"));
        Assert.Equal(0, await StoredFor("old-withdrawn@example.com"));
        Assert.Equal(1, await StoredFor("recent-declined@example.com"));
        Assert.Equal(1, await StoredFor("old-open@example.com"));
        Assert.Equal(1, await database.AuditMentioning("past 180 days erased"));
    }

    [Fact]
    public async Task Staff_lists_are_newest_first_filter_by_status_and_time_page_by_cursor_and_refuse_other_roles()
    {
        database.RequireAvailable();
        // A time of its own: the other tests of the class write applications into the same tables around the fixed clock.
        clock.Advance(TimeSpan.FromDays(3650));
        var from = clock.GetUtcNow().UtcDateTime;
        foreach (var n in new[] { 1, 2, 3 })
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Intake().ApplyToPartnerAsync("203.0.113.10", Partner($"list-{n}@example.com", "Listed Co"), Cancel);
        }

        var review = Review();
        await review.MoveAsync(TestActors.Partnerships, (await Stored("list-2@example.com")).Id, 1, ApplicationStatus.InReview, Cancel);
        var window = new ApplicationFilter(SubmittedFrom: from, SubmittedTo: clock.GetUtcNow().UtcDateTime.AddSeconds(1));

        var first = await review.PartnerApplicationsAsync(TestActors.Partnerships, window, PageRequest.Create(2, null), Cancel);
        var second = await review.PartnerApplicationsAsync(TestActors.Administrator, window, PageRequest.Create(2, first.CursorOf(first.Items[^1])), Cancel);
        var fresh = await review.PartnerApplicationsAsync(TestActors.Partnerships, window with { Status = ApplicationStatus.New }, PageRequest.Create(10, null), Cancel);
        var speakers = await review.SpeakerApplicationsAsync(TestActors.Partnerships, window, PageRequest.Create(10, null), Cancel);

        Assert.Equal(["list-3@example.com", "list-2@example.com"], first.Items.Select(a => a.Email));
        Assert.True(first.HasNextPage);
        Assert.Equal(["list-1@example.com"], second.Items.Select(a => a.Email));
        Assert.False(second.HasNextPage);
        Assert.Equal(["list-3@example.com", "list-1@example.com"], fresh.Items.Select(a => a.Email));
        Assert.DoesNotContain(speakers.Items, a => a.Email.StartsWith("list-", StringComparison.Ordinal));
        await FailsWith(ErrorCode.Forbidden, () => review.PartnerApplicationsAsync(TestActors.Editor, window, PageRequest.Create(10, null), Cancel));
        await FailsWith(ErrorCode.Forbidden, () => review.SpeakerApplicationsAsync(TestActors.Writer, window, PageRequest.Create(10, null), Cancel));
    }

    [Fact]
    public async Task Erasing_an_applicant_removes_applications_notes_and_mail_and_the_audit_keeps_no_address()
    {
        database.RequireAvailable();
        await Intake().ApplyToSpeakAsync("203.0.113.9", Speaker("erase.me@example.com"), Cancel);
        await Intake().ApplyToPartnerAsync("203.0.113.9", Partner("erase.me@example.com"), Cancel);
        await Intake().ApplyToSpeakAsync("203.0.113.9", Speaker("keep.me@example.com"), Cancel);
        int speakerId;
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            speakerId = await db.SpeakerApplications.Where(a => a.Email == "erase.me@example.com").Select(a => a.Id).SingleAsync(Cancel);
        }

        await Review().AddNoteAsync(TestActors.Partnerships, speakerId, 1, "Call back.", Cancel);
        await database.Contexts.SaveAsync(new NewsletterSubscription
        {
            ListId = -1, // the weekly newsletter, seeded by the migration
            Email = "erase.me@example.com",
            Status = NewsletterSubscriptionStatus.Confirmed,
            ConsentAt = TestContent.Now,
            Source = "website",
            CreatedAt = TestContent.Now,
        });

        var erased = await new ApplicationRetention(database.Contexts, Options.Create(new ApplicationOptions()), clock)
            .EraseApplicantAsync(TestActors.Partnerships, "Erase.Me@Example.com", Cancel);

        Assert.Equal(6, erased);
        Assert.Equal(0, await StoredFor("erase.me@example.com"));
        Assert.Empty(await MailTo("erase.me@example.com"));
        Assert.Equal(1, await StoredFor("keep.me@example.com"));
        await using var check = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await check.ApplicationNotes.AnyAsync(n => n.ApplicationId == speakerId, Cancel));
        Assert.False(await check.NewsletterSubscriptions.AnyAsync(n => n.Email == "erase.me@example.com", Cancel));
        var audit = await check.AuditLog.AsNoTracking().Where(e => e.Operation == "eraseApplicantData").ToListAsync(Cancel);
        Assert.Contains(audit, e => e.Summary.StartsWith("2 application(s), 1 note(s), 2 outbox message(s) and 1 newsletter subscription(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Summary.Contains("erase.me", StringComparison.OrdinalIgnoreCase) || e.EntityId.Contains("erase.me", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SqliteApplicationTests(SqliteTestDatabase database) : ApplicationTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlApplicationTests(PostgreSqlTestDatabase database) : ApplicationTests<PostgreSqlTestDatabase>(database);
