using NewsCms.Core.Content;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;

namespace NewsCms.Core.Articles;

/// <summary>
/// A story. The row holds what lists and cards need; the Markdown and everything rendered from it live in
/// <see cref="ArticleBody"/> so that list queries never drag kilobytes of body text through the database.
/// </summary>
public sealed class Article
{
    public const int TitleMaxLength = 300;
    public const int KickerMaxLength = 60;
    public const int SummaryMaxLength = 1000;
    public const int MetaTitleMaxLength = 200;
    public const int MetaDescriptionMaxLength = 400;
    public const int UrlMaxLength = 2000;
    public const int DisclosureMaxLength = 500;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Kicker { get; set; }
    public string Summary { get; set; } = "";

    public int? SectionId { get; set; }
    public Section? Section { get; set; }

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>UTC. Set when the story first goes live (or the time it is scheduled for).</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The staff user who created the story: a writer may edit only their own drafts. Null for seeded stories.</summary>
    public int? CreatedByUserId { get; set; }

    /// <summary>UTC. Until then the story is invisible everywhere, previews included; the scheduler lifts it.</summary>
    public DateTime? EmbargoUntil { get; set; }

    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    public string? CanonicalUrl { get; set; }

    public bool IsBreaking { get; set; }

    /// <summary>UTC. After this the story stops being breaking without anyone touching it.</summary>
    public DateTime? BreakingUntil { get; set; }

    public int? SponsorId { get; set; }
    public Sponsor? Sponsor { get; set; }
    public string? SponsorDisclosure { get; set; }

    /// <summary>The picture at the top of the story; its alt text and caption may be overridden for this story.</summary>
    public int? HeroImageId { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }

    public int WordCount { get; set; }
    public int ReadingTimeMinutes { get; set; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }

    public ArticleBody? Body { get; set; }
    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<ArticleTag> Tags { get; set; } = [];

    public bool IsBreakingAt(DateTime utcNow) => IsBreaking && (BreakingUntil is null || BreakingUntil > utcNow);

    public bool IsPublicAt(DateTime utcNow) =>
        Status == ArticleStatus.Published && PublishedAt <= utcNow && !IsEmbargoedAt(utcNow);

    public bool IsEmbargoedAt(DateTime utcNow) => EmbargoUntil > utcNow;

    /// <summary>Renders the Markdown and stores every derived form beside it; called on save, never on read.</summary>
    /// <param name="media">What each <c>media:ID</c> of the body points at; a body with other references fails with VALIDATION.</param>
    public void SetBody(string markdown, MarkdownRenderer renderer, IReadOnlyDictionary<int, InlineMedia>? media = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var rendered = renderer.Render(markdown, new MarkdownRenderOptions(Sponsored: SponsorId is not null || Sponsor is not null, media));
        Body ??= new ArticleBody { Markdown = markdown };
        Body.Markdown = markdown;
        Body.Html = rendered.Html;
        Body.PlainText = rendered.PlainText;
        Body.Outline = rendered.Outline;
        WordCount = rendered.WordCount;
        ReadingTimeMinutes = rendered.ReadingTimeMinutes;
    }
}
