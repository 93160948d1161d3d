namespace NewsCms.Core.Articles;

/// <summary>
/// Everything an editor writes on an article, as one value: creating and updating both take the whole of it, so a
/// save never depends on what another editor's partial update left behind. Times are UTC.
/// </summary>
public sealed record ArticleDraft
{
    public required string Title { get; init; }
    public string? Kicker { get; init; }
    public string? Summary { get; init; }

    /// <summary>Null on create derives it from the title; null on update keeps the current one, so links stay put.</summary>
    public string? Slug { get; init; }

    public int? SectionId { get; init; }

    /// <summary>The byline in printed order.</summary>
    public IReadOnlyList<int> AuthorIds { get; init; } = [];
    public IReadOnlyList<int> TagIds { get; init; } = [];
    public int? SponsorId { get; init; }
    public string? SponsorDisclosure { get; init; }
    public string Markdown { get; init; } = "";
    public string? MetaTitle { get; init; }
    public string? MetaDescription { get; init; }
    public string? CanonicalUrl { get; init; }
    public bool IsBreaking { get; init; }
    public DateTime? BreakingUntil { get; init; }
    public DateTime? EmbargoUntil { get; init; }

    /// <summary>A picture from the media library to show above the story.</summary>
    public int? HeroImageId { get; init; }

    /// <summary>This story's alt text for the hero image; the asset's own when null.</summary>
    public string? HeroImageAlt { get; init; }

    /// <summary>This story's caption for the hero image; the asset's own when null.</summary>
    public string? HeroImageCaption { get; init; }
}
