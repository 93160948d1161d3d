using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Applications;

/// <summary>Which applications a staff list shows; the times bound <see cref="Application.SubmittedAt"/>, the end exclusive.</summary>
public sealed record ApplicationFilter(ApplicationStatus? Status = null, DateTime? SubmittedFrom = null, DateTime? SubmittedTo = null);

/// <summary>
/// The partnerships team's work on applications: lists, status, reviewer, notes. Every change is audited in the same
/// save and checks the version the caller read.
/// </summary>
public sealed class ApplicationReview(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string SpeakerEntityType = "SpeakerApplication";
    public const string PartnerEntityType = "PartnerApplication";
    private const string What = "The application";

    public Task<Page<SpeakerApplication>> SpeakerApplicationsAsync(StaffActor actor, ApplicationFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync<SpeakerApplication>(actor, filter, page, cancellationToken);

    public Task<Page<PartnerApplication>> PartnerApplicationsAsync(StaffActor actor, ApplicationFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync<PartnerApplication>(actor, filter, page, cancellationToken);

    /// <summary>One application of either kind, for the reviewer who opens it; NotFound when there is none.</summary>
    public async Task<Application> FindAsync(StaffActor actor, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NewsCmsException.NotFound(What);
    }

    public async Task<IReadOnlyDictionary<int, Application>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>The notes of each application, oldest first.</summary>
    public async Task<ILookup<int, ApplicationNote>> NotesOfAsync(IReadOnlyCollection<int> applicationIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notes = await db.ApplicationNotes.AsNoTracking()
            .Where(n => applicationIds.Contains(n.ApplicationId))
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        return notes.ToLookup(n => n.ApplicationId);
    }

    public Task<Application> MoveAsync(StaffActor actor, int id, int expectedVersion, ApplicationStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, expectedVersion, "moveApplication", (db, application, now) =>
        {
            var from = application.Status;
            Transition(db, application, status, now);
            return Task.FromResult($"moved from {from} to {status}");
        }, cancellationToken);

    public Task<Application> AssignReviewerAsync(StaffActor actor, int id, int expectedVersion, int? reviewerUserId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, expectedVersion, "assignApplicationReviewer", async (db, application, _) =>
        {
            if (reviewerUserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            {
                throw NewsCmsException.Invalid("reviewerId", "'reviewerId' names no staff member.");
            }

            application.ReviewerUserId = reviewerUserId;
            return reviewerUserId is { } assigned ? $"reviewer set to staff user {assigned}" : "reviewer removed";
        }, cancellationToken);

    /// <summary>Notes change what the team knows about the application, so they take the version too: two people never note past each other.</summary>
    public Task<Application> AddNoteAsync(StaffActor actor, int id, int expectedVersion, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, expectedVersion, "addApplicationNote", (db, application, now) =>
        {
            var errors = new InputErrors();
            var checkedText = errors.Required("text", text, ApplicationNote.TextMaxLength);
            errors.ThrowIfAny();
            application.Notes.Add(new ApplicationNote { AuthorUserId = actor.UserId, CreatedAt = now, Text = checkedText });
            return Task.FromResult("note added");
        }, cancellationToken);

    /// <summary>
    /// Accepts a partner application and, when asked, makes a sponsor of the company (slug from its name, numbered when
    /// taken) in the same transaction: the team never has an accepted partner without the sponsor they meant to make.
    /// </summary>
    public async Task<(PartnerApplication Application, Sponsor? Sponsor)> AcceptPartnerAsync(
        StaffActor actor, int id, int expectedVersion, bool createSponsor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        await using var strategyContext = await contexts.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = await db.PartnerApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw NewsCmsException.NotFound(What);
            VersionedSaves.Expect(What, application.Version, expectedVersion);
            Transition(db, application, ApplicationStatus.Accepted, now);
            application.Version++;
            Sponsor? sponsor = null;
            if (createSponsor)
            {
                sponsor = new Sponsor
                {
                    Name = application.Company ?? application.Name,
                    Slug = await FreeSponsorSlugAsync(db, application.Company ?? application.Name, cancellationToken),
                    WebsiteUrl = application.Website,
                    Tier = SponsorTier.Partner,
                    Version = 1,
                };
                db.Sponsors.Add(sponsor);
                await VersionedSaves.SaveAsync(db, What, null, cancellationToken);
                db.Record(actor, now, "createSponsor", SponsorEditor.EntityType, sponsor.Id, $"sponsor '{sponsor.Name}' ({sponsor.Slug}, {sponsor.Tier}) from partner application {application.Id}");
            }

            db.Record(actor, now, "acceptPartnerApplication", PartnerEntityType, application.Id,
                sponsor is null ? "accepted" : $"accepted; sponsor {sponsor.Id} created");
            await VersionedSaves.SaveAsync(db, What, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (application, sponsor);
        });
    }

    private async Task<Page<T>> ListAsync<T>(StaffActor actor, ApplicationFilter filter, PageRequest page, CancellationToken cancellationToken)
        where T : Application
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        actor.Require(Permission.ManagePartnerships);
        var after = page.After is null ? (int?)null : DecodeCursor(page.After);
        if (page.First == 0)
        {
            return new Page<T>([], false, after is not null, CursorOf);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<T>().AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.SubmittedFrom is { } from)
        {
            query = query.Where(a => a.SubmittedAt >= from);
        }

        if (filter.SubmittedTo is { } to)
        {
            query = query.Where(a => a.SubmittedAt < to);
        }

        // Ids grow with every insert, so they order newest first and key the cursor without ties.
        if (after is { } position)
        {
            query = query.Where(a => a.Id < position);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<T>(rows, hasNext, after is not null, CursorOf);
    }

    private async Task<Application> ChangeAsync(
        StaffActor actor,
        int id,
        int expectedVersion,
        string operation,
        Func<NewsCmsDbContext, Application, DateTime, Task<string>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, application.Version, expectedVersion);
        var summary = await change(db, application, now);
        application.Version++;
        db.Record(actor, now, operation, EntityTypeOf(application), application.Id, summary);
        await VersionedSaves.SaveAsync(db, What, null, cancellationToken);
        return application;
    }

    private static void Transition(NewsCmsDbContext db, Application application, ApplicationStatus status, DateTime now)
    {
        if (!Enum.IsDefined(status) || !ApplicationTransitions.Allowed(application.Status, status))
        {
            throw NewsCmsException.Invalid("status", $"An application that is {application.Status} cannot move to {status}.");
        }

        application.Status = status;
        if (ApplicationTransitions.IsFinal(status))
        {
            application.DecidedAt = now;
        }

        // A withdrawal came from the applicant: telling them of it would be noise.
        if (status is ApplicationStatus.Accepted or ApplicationStatus.Declined)
        {
            ApplicationMail.Decided(db, application, now);
        }
    }

    public static string EntityTypeOf(Application application) =>
        application is SpeakerApplication ? SpeakerEntityType : PartnerEntityType;

    private static async Task<string> FreeSponsorSlugAsync(NewsCmsDbContext db, string company, CancellationToken cancellationToken)
    {
        var stem = Slugs.From(company);
        if (stem.Length == 0)
        {
            stem = "sponsor";
        }

        stem = stem.Length > Slugs.MaxLength - 4 ? stem[..(Slugs.MaxLength - 4)].TrimEnd('-') : stem;
        var taken = await db.Sponsors.Where(s => s.Slug == stem || s.Slug.StartsWith(stem + "-")).Select(s => s.Slug).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; taken.Contains(slug, StringComparer.Ordinal); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return slug;
    }

    public static string CursorOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"application:{application.Id}")));
    }

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (raw.StartsWith("application:", StringComparison.Ordinal)
                && int.TryParse(raw.AsSpan("application:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw NewsCmsException.Invalid("after", "'after' is not a cursor this API issued.");
    }
}
