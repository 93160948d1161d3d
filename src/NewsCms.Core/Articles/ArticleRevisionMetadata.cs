using System.Text.Json;

namespace NewsCms.Core.Articles;

/// <summary>
/// The editable fields of an article that have no column of their own on <see cref="ArticleRevision"/>, stored as
/// JSON so that adding a field later does not need a migration of every old revision.
/// </summary>
public sealed record ArticleRevisionMetadata(
    string? Kicker,
    int? SectionId,
    IReadOnlyList<int> AuthorIds,
    IReadOnlyList<int> TagIds,
    int? SponsorId,
    string? SponsorDisclosure,
    string? MetaTitle,
    string? MetaDescription,
    string? CanonicalUrl,
    bool IsBreaking,
    DateTime? BreakingUntil,
    DateTime? EmbargoUntil,
    int? HeroImageId = null,
    string? HeroImageAlt = null,
    string? HeroImageCaption = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ArticleRevisionMetadata Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(
            article.Kicker,
            article.SectionId,
            [.. article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId)],
            [.. article.Tags.Select(t => t.TagId).Order()],
            article.SponsorId,
            article.SponsorDisclosure,
            article.MetaTitle,
            article.MetaDescription,
            article.CanonicalUrl,
            article.IsBreaking,
            article.BreakingUntil,
            article.EmbargoUntil,
            article.HeroImageId,
            article.HeroImageAlt,
            article.HeroImageCaption);
    }

    public static ArticleRevisionMetadata Parse(string json) =>
        JsonSerializer.Deserialize<ArticleRevisionMetadata>(json, Json) ?? throw new InvalidOperationException("A revision has no metadata.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
