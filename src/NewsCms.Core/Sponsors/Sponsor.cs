using NewsCms.Core.Common;

namespace NewsCms.Core.Sponsors;

/// <summary>A company that pays to appear: in the sponsor strip, and as the sponsor of sponsored articles.</summary>
public sealed class Sponsor : IVersioned
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int WebsiteUrlMaxLength = 2000;
    public const int TrackingUrlMaxLength = 2000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? WebsiteUrl { get; set; }

    /// <summary>The link readers' clicks go through, such as the sponsor's campaign address; null means the website.</summary>
    public string? TrackingUrl { get; set; }

    /// <summary>Where the sponsor appears; a sponsor with none is shown nowhere a placement is asked for.</summary>
    public SponsorPlacements Placements { get; set; }
    public SponsorTier Tier { get; set; } = SponsorTier.Partner;
    public string? Description { get; set; }

    /// <summary>UTC; null means "since always".</summary>
    public DateTime? ActiveFrom { get; set; }

    /// <summary>UTC, exclusive; null means "until further notice".</summary>
    public DateTime? ActiveUntil { get; set; }
    public int DisplayOrder { get; set; }

    /// <summary>A media asset (an image) shown in the sponsor strip.</summary>
    public int? LogoMediaId { get; set; }

    public bool IsActiveAt(DateTime utcNow) =>
        (ActiveFrom is null || ActiveFrom <= utcNow) && (ActiveUntil is null || ActiveUntil > utcNow);

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }
}
