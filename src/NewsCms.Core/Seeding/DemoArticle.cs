using NewsCms.Core.Articles;

namespace NewsCms.Core.Seeding;

/// <summary>
/// One demo story as an editor would describe it: references go by slug and times are relative to the moment of
/// seeding, so the demo newsroom always looks freshly staffed whenever it is created.
/// </summary>
internal sealed record DemoArticle
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Kicker { get; init; }
    public required string Summary { get; init; }
    public string? MetaDescription { get; init; }
    public required string SectionSlug { get; init; }

    /// <summary>In the order the byline prints them.</summary>
    public required IReadOnlyList<string> AuthorSlugs { get; init; }
    public required IReadOnlyList<string> TagSlugs { get; init; }

    public ArticleStatus Status { get; init; } = ArticleStatus.Published;

    /// <summary>Negative for stories already out, positive for scheduled ones, null for drafts never published.</summary>
    public TimeSpan? PublishedRelativeToNow { get; init; }

    /// <summary>How long after seeding the story stays breaking; null for ordinary stories.</summary>
    public TimeSpan? BreakingFor { get; init; }

    public string? SponsorSlug { get; init; }
    public string? SponsorDisclosure { get; init; }
    public required string Markdown { get; init; }
}
