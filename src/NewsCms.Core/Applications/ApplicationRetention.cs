using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Applications;

/// <summary>
/// Keeps applicants' personal data no longer than needed: declined and withdrawn applications go after the retention
/// period, and a person who asks is erased at once. The audit rows say how much was erased, never whose it was.
/// </summary>
public sealed class ApplicationRetention(IDbContextFactory<NewsCmsDbContext> contexts, IOptions<ApplicationOptions> options, TimeProvider clock)
{
    public const string Job = "application-retention";
    public const string ErasureEntityType = "ApplicantData";

    /// <summary>
    /// Other tables that hold a person's address erase their rows here, in the same save. Each returns how many rows it
    /// removed.
    /// </summary>
    private static readonly IReadOnlyList<Func<NewsCmsDbContext, string, CancellationToken, Task<int>>> MoreErasers =
    [
        NewsletterSubscriptions.EraseAsync,
    ];

    /// <summary>Erases declined and withdrawn applications decided longer ago than the retention period; returns how many.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-Math.Max(1, options.Value.RetentionDays));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.Applications
            .Include(a => a.Notes)
            .Where(a => (a.Status == ApplicationStatus.Declined || a.Status == ApplicationStatus.Withdrawn) && a.DecidedAt < cutoff)
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        db.Applications.RemoveRange(expired);
        db.RecordSystem(Job, now, "eraseExpiredApplications", ErasureEntityType, "", $"{expired.Count} declined or withdrawn application(s) past {options.Value.RetentionDays} days erased");
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    /// <summary>
    /// Erases everything kept about the person with this address: their applications with the notes on them, and the
    /// mail to them still in the outbox. The audit row counts the rows and leaves the address out.
    /// </summary>
    public async Task<int> EraseApplicantAsync(StaffActor actor, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        var errors = new InputErrors();
        var address = errors.Required("email", email, Application.EmailMaxLength).ToLowerInvariant();
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applications = await db.Applications.Include(a => a.Notes).Where(a => a.Email == address).ToListAsync(cancellationToken);
        var messages = await db.OutboxMessages.Where(m => m.ToAddress.ToLower() == address).ToListAsync(cancellationToken);
        var notes = applications.Sum(a => a.Notes.Count);
        db.Applications.RemoveRange(applications);
        db.OutboxMessages.RemoveRange(messages);
        var more = 0;
        foreach (var erase in MoreErasers)
        {
            more += await erase(db, address, cancellationToken);
        }

        var total = applications.Count + notes + messages.Count + more;
        db.Record(actor, now, "eraseApplicantData", ErasureEntityType, "",
            $"{applications.Count} application(s), {notes} note(s), {messages.Count} outbox message(s) and {more} newsletter subscription(s) erased at the person's request");
        await db.SaveChangesAsync(cancellationToken);
        return total;
    }
}
