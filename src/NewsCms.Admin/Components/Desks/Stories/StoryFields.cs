using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Tags;

namespace NewsCms.Admin.Components.Desks.Stories;

/// <summary>
/// What the story editor holds while an editor types: every field of an <see cref="ArticleDraft"/> (times in UTC, as
/// the core keeps them; the page shows them in the editor's zone). A copy of it is "mine" when a save loses to someone else's, so nothing typed is ever lost.
/// </summary>
public sealed class StoryFields
{
    public string Title { get; set; } = "";
    public string? Kicker { get; set; }
    public string? Summary { get; set; }
    public string? Slug { get; set; }
    public int? SectionId { get; set; }
    public List<int> AuthorIds { get; set; } = [];
    public List<int> TagIds { get; set; } = [];
    public int? SponsorId { get; set; }
    public string? SponsorDisclosure { get; set; }
    public string Markdown { get; set; } = "";
    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    public string? CanonicalUrl { get; set; }
    public bool IsBreaking { get; set; }

    public DateTime? BreakingUntil { get; set; }
    public DateTime? EmbargoUntil { get; set; }

    public int? HeroImageId { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }

    public static StoryFields Of(Article article, ArticleBody? body, IEnumerable<Author> bylines, IEnumerable<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new StoryFields
        {
            Title = article.Title,
            Kicker = article.Kicker,
            Summary = article.Summary,
            Slug = article.Slug,
            SectionId = article.SectionId,
            AuthorIds = bylines.Select(a => a.Id).ToList(),
            TagIds = tags.Select(t => t.Id).ToList(),
            SponsorId = article.SponsorId,
            SponsorDisclosure = article.SponsorDisclosure,
            Markdown = body?.Markdown ?? "",
            MetaTitle = article.MetaTitle,
            MetaDescription = article.MetaDescription,
            CanonicalUrl = article.CanonicalUrl,
            IsBreaking = article.IsBreaking,
            BreakingUntil = article.BreakingUntil,
            EmbargoUntil = article.EmbargoUntil,
            HeroImageId = article.HeroImageId,
            HeroImageAlt = article.HeroImageAlt,
            HeroImageCaption = article.HeroImageCaption,
        };
    }

    /// <summary>The whole story as the core saves it: a blank slug derives one on create and keeps the current one after.</summary>
    public ArticleDraft ToDraft() =>
        new ArticleDraft
        {
            Title = Title,
            Kicker = Kicker,
            Summary = Summary,
            Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug,
            SectionId = SectionId,
            AuthorIds = [.. AuthorIds],
            TagIds = [.. TagIds],
            SponsorId = SponsorId,
            SponsorDisclosure = SponsorDisclosure,
            Markdown = Markdown,
            MetaTitle = MetaTitle,
            MetaDescription = MetaDescription,
            CanonicalUrl = CanonicalUrl,
            IsBreaking = IsBreaking,
            BreakingUntil = BreakingUntil,
            EmbargoUntil = EmbargoUntil,
            HeroImageId = HeroImageId,
            HeroImageAlt = HeroImageAlt,
            HeroImageCaption = HeroImageCaption,
        };

    public StoryFields Copy()
    {
        var copy = (StoryFields)MemberwiseClone();
        copy.AuthorIds = [.. AuthorIds];
        copy.TagIds = [.. TagIds];
        return copy;
    }
}
