using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Sponsors;

/// <summary>
/// What the partnerships team sends to create a sponsor or to replace one: an update sets every field. A null slug
/// is made from the name on create and keeps the current one on update. The active window takes times with any
/// offset and is stored in UTC; a null end means until further notice. The logo is a picture from the media library.
/// Placements say where the sponsor appears; the tracking link, when set, is what readers' clicks follow instead of
/// the website.
/// </summary>
public sealed record SponsorInput(
    string Name,
    string? Slug,
    string? WebsiteUrl,
    SponsorTier Tier,
    string? Description,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveUntil,
    int DisplayOrder,
    int? LogoMediaId = null,
    SponsorPlacements Placements = SponsorPlacements.None,
    string? TrackingUrl = null);

/// <summary>Creates, changes and deletes sponsors, for staff whose role grants <see cref="Permission.ManageSponsors"/>.</summary>
public sealed class SponsorEditor(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Sponsor";
    private const string What = "The sponsor";

    private readonly TaxonomyWrites<Sponsor, SponsorInput> writes = new(
        contexts,
        clock,
        new()
        {
            Permission = Permission.ManageSponsors,
            EntityType = EntityType,
            What = What,
            New = () => new Sponsor { Slug = "", Name = "", Version = 1 },
            Apply = ApplyAsync,
            Describe = s => $"sponsor '{s.Name}' ({s.Slug}, {s.Tier}, placements: {s.Placements})",
            DescribeDeleted = s => $"sponsor '{s.Name}' ({s.Slug})",
            RefuseWhileReferenced = RefuseWhileReferencedAsync,
            Recheck = (db, sponsor, id, cancellationToken) => RecheckSlugAsync(db, sponsor.Slug, id, cancellationToken),
        });

    public Task<Sponsor> CreateAsync(StaffActor actor, SponsorInput input, CancellationToken cancellationToken) =>
        writes.CreateAsync(actor, input, cancellationToken);

    public Task<Sponsor> UpdateAsync(StaffActor actor, int id, int expectedVersion, SponsorInput input, CancellationToken cancellationToken) =>
        writes.UpdateAsync(actor, id, expectedVersion, input, cancellationToken);

    /// <summary>
    /// Refuses while stories name the sponsor: their disclosure would point at nobody. End the sponsor's active window
    /// to take it out of the strip instead.
    /// </summary>
    public Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken) =>
        writes.DeleteAsync(actor, id, expectedVersion, cancellationToken);

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

        var trackingUrl = errors.Optional("trackingUrl", input.TrackingUrl, Sponsor.TrackingUrlMaxLength);
        if (trackingUrl is not null && !errors.Has("trackingUrl") && !IsWebAddress(trackingUrl))
        {
            errors.Add("trackingUrl", "'trackingUrl' must be an absolute http or https address.");
        }

        if ((input.Placements & ~SponsorPlacementFlags.All) != 0)
        {
            errors.Add("placements", "'placements' names a placement that does not exist.");
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

        await ImageReferences.CheckAsync(db, errors, "logoId", input.LogoMediaId, cancellationToken);

        errors.ThrowIfAny();
        sponsor.Name = name;
        sponsor.Slug = slug;
        sponsor.WebsiteUrl = websiteUrl;
        sponsor.TrackingUrl = trackingUrl;
        sponsor.Placements = input.Placements;
        sponsor.Tier = input.Tier;
        sponsor.Description = description;
        sponsor.ActiveFrom = activeFrom;
        sponsor.ActiveUntil = activeUntil;
        sponsor.DisplayOrder = input.DisplayOrder;
        sponsor.LogoMediaId = input.LogoMediaId;
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

    private static async Task RecheckSlugAsync(NewsCmsDbContext db, string slug, int id, CancellationToken cancellationToken)
    {
        if (await db.Sponsors.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another sponsor already uses the slug '{slug}'.");
        }
    }
}
