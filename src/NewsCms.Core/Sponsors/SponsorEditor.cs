using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Sponsors;

/// <summary>
/// What the partnerships team sends to create a sponsor or to replace one: an update sets every field. A null slug
/// is made from the name on create and keeps the current one on update. The active window takes times with any
/// offset and is stored in UTC; a null end means until further notice.
/// </summary>
public sealed record SponsorInput(
    string Name,
    string? Slug,
    string? WebsiteUrl,
    SponsorTier Tier,
    string? Description,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveUntil,
    int DisplayOrder);

/// <summary>Creates, changes and deletes sponsors, for staff whose role grants <see cref="Permission.ManageSponsors"/>.</summary>
public sealed class SponsorEditor(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Sponsor";
    private const string What = "The sponsor";

    public async Task<Sponsor> CreateAsync(StaffActor actor, SponsorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageSponsors);
        var slug = "";
        return await VersionedSaves.CreateAsync(
            contexts,
            async db =>
            {
                var created = new Sponsor { Slug = "", Name = "", Version = 1 };
                await ApplyAsync(db, created, input, cancellationToken);
                slug = created.Slug;
                db.Sponsors.Add(created);
                return created;
            },
            (db, created) => db.Record(actor, UtcNow, "createSponsor", EntityType, created.Id, $"Created sponsor '{created.Name}' ({created.Slug}, {created.Tier})."),
            () => RecheckSlugAsync(slug, 0, cancellationToken),
            cancellationToken);
    }

    public async Task<Sponsor> UpdateAsync(StaffActor actor, int id, int expectedVersion, SponsorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageSponsors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sponsor = await db.Sponsors.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, sponsor.Version, expectedVersion);
        await ApplyAsync(db, sponsor, input, cancellationToken);
        sponsor.Version++;
        db.Record(actor, UtcNow, "updateSponsor", EntityType, id, $"Updated sponsor '{sponsor.Name}' ({sponsor.Slug}, {sponsor.Tier}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckSlugAsync(sponsor.Slug, id, cancellationToken), cancellationToken);
        return sponsor;
    }

    /// <summary>
    /// Refuses while stories name the sponsor: their disclosure would point at nobody. End the sponsor's active window
    /// to take it out of the strip instead.
    /// </summary>
    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageSponsors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sponsor = await db.Sponsors.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, sponsor.Version, expectedVersion);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
        db.Sponsors.Remove(sponsor);
        db.Record(actor, UtcNow, "deleteSponsor", EntityType, id, $"Deleted sponsor '{sponsor.Name}' ({sponsor.Slug}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckReferencesAsync(id, cancellationToken), cancellationToken);
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private static async Task ApplyAsync(NewsCmsDbContext db, Sponsor sponsor, SponsorInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name, Sponsor.NameMaxLength);
        var slug = input.Slug is null && sponsor.Id != 0 ? sponsor.Slug : errors.Slug("slug", input.Slug, name, "name");
        var description = errors.Optional("description", input.Description, Sponsor.DescriptionMaxLength);
        var websiteUrl = errors.Optional("websiteUrl", input.WebsiteUrl, Sponsor.WebsiteUrlMaxLength);
        if (websiteUrl is not null && !errors.Has("websiteUrl") && !IsWebAddress(websiteUrl))
        {
            errors.Add("websiteUrl", "'websiteUrl' must be an absolute http or https address.");
        }

        if (!Enum.IsDefined(input.Tier))
        {
            errors.Add("tier", "'tier' is not a sponsorship tier.");
        }

        var activeFrom = input.ActiveFrom?.UtcDateTime;
        var activeUntil = input.ActiveUntil?.UtcDateTime;
        if (activeFrom is { } from && activeUntil is { } until && until <= from)
        {
            errors.Add("activeUntil", "'activeUntil' must be after 'activeFrom'.");
        }

        if (!errors.Has("slug") && await db.Sponsors.AnyAsync(s => s.Slug == slug && s.Id != sponsor.Id, cancellationToken))
        {
            errors.Add("slug", $"Another sponsor already uses the slug '{slug}'.");
        }

        errors.ThrowIfAny();
        sponsor.Name = name;
        sponsor.Slug = slug;
        sponsor.WebsiteUrl = websiteUrl;
        sponsor.Tier = input.Tier;
        sponsor.Description = description;
        sponsor.ActiveFrom = activeFrom;
        sponsor.ActiveUntil = activeUntil;
        sponsor.DisplayOrder = input.DisplayOrder;
    }

    /// <summary>
    /// The link is printed on public pages: judged the way a browser reads it, so no "javascript:" or relative path
    /// slips through, and parsed, so that it names a host.
    /// </summary>
    private static bool IsWebAddress(string url) =>
        UrlScheme.Of(url) is "http" or "https"
        && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
        && parsed.Scheme is "http" or "https"
        && parsed.Host.Length > 0;

    private static async Task RefuseWhileReferencedAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var stories = await db.Articles.CountAsync(a => a.SponsorId == id, cancellationToken);
        if (stories > 0)
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                $"The sponsor paid for {stories} {(stories == 1 ? "story" : "stories")}, drafts and archived stories included, whose disclosures name it; end its active window instead.");
        }
    }

    private async Task RecheckReferencesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
    }

    private async Task RecheckSlugAsync(string slug, int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Sponsors.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another sponsor already uses the slug '{slug}'.");
        }
    }
}
