using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;

namespace NewsCms.Core.Articles;

/// <summary>
/// The rules an article must meet to be saved and to go live. Every check collects into one dictionary keyed by the
/// GraphQL input field, so an editor sees every problem of a save at once instead of one per attempt.
/// </summary>
internal static class ArticleValidation
{
    /// <summary>What every save needs, drafts included: a title, a well-formed free slug, real references, sane sizes.</summary>
    public static async Task CheckSaveAsync(NewsCmsDbContext db, Article article, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(article.Title))
        {
            errors["title"] = "Give the story a title.";
        }

        CheckLength(errors, "title", article.Title, Article.TitleMaxLength);
        CheckLength(errors, "kicker", article.Kicker, Article.KickerMaxLength);
        CheckLength(errors, "summary", article.Summary, Article.SummaryMaxLength);
        CheckLength(errors, "metaTitle", article.MetaTitle, Article.MetaTitleMaxLength);
        CheckLength(errors, "metaDescription", article.MetaDescription, Article.MetaDescriptionMaxLength);
        CheckLength(errors, "sponsorDisclosure", article.SponsorDisclosure, Article.DisclosureMaxLength);
        CheckLength(errors, "canonicalUrl", article.CanonicalUrl, Article.UrlMaxLength);
        CheckLength(errors, "heroImageAlt", article.HeroImageAlt, MediaAsset.AltTextMaxLength);
        CheckLength(errors, "heroImageCaption", article.HeroImageCaption, MediaAsset.CaptionMaxLength);
        if (!errors.ContainsKey("canonicalUrl") && article.CanonicalUrl is { } url && !IsAbsoluteWebUrl(url))
        {
            errors["canonicalUrl"] = "The canonical URL must be an absolute http or https address.";
        }

        if (!Slugs.IsValid(article.Slug))
        {
            errors["slug"] = string.IsNullOrEmpty(article.Slug)
                ? "Give the story a slug: its title has no letters or digits to make one from."
                : $"'{Shorten(article.Slug)}' is not a slug: use lowercase letters and digits in words joined by single hyphens, at most {Slugs.MaxLength} characters.";
        }
        else if (await IsSlugTakenAsync(db, article.Slug, article.Id, cancellationToken))
        {
            errors["slug"] = $"Another story uses, or used to use, the slug '{article.Slug}'.";
        }

        await CheckReferencesAsync(db, article, errors, cancellationToken);
    }

    /// <summary>What a story needs before readers may see it, on top of <see cref="CheckSaveAsync"/>.</summary>
    public static async Task CheckPublishableAsync(NewsCmsDbContext db, Article article, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        CheckPublishable(article, errors);
        await CheckAltTextAsync(db, article, errors, cancellationToken);
    }

    private static void CheckPublishable(Article article, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(article.Summary))
        {
            errors.TryAdd("summary", "A story needs a summary before it goes live.");
        }

        if (article.SectionId is null)
        {
            errors.TryAdd("sectionId", "A story needs a section before it goes live.");
        }

        if (article.Authors.Count == 0)
        {
            errors.TryAdd("authorIds", "A story needs at least one author before it goes live.");
        }

        if (article.SponsorId is not null && string.IsNullOrWhiteSpace(article.SponsorDisclosure))
        {
            errors.TryAdd("sponsorDisclosure", "A sponsored story must carry disclosure text for readers.");
        }

        if (article.SponsorId is null && !string.IsNullOrWhiteSpace(article.SponsorDisclosure))
        {
            errors.TryAdd("sponsorId", "A story with a sponsor disclosure must name its sponsor.");
        }
    }

    public static void ThrowIfAny(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw NewsCmsException.Invalid(errors);
        }
    }

    /// <summary>Slugs and retired slugs share one namespace: an old link must never start pointing at another story.</summary>
    public static async Task<bool> IsSlugTakenAsync(NewsCmsDbContext db, string slug, int articleId, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken)
        || await db.ArticleSlugRedirects.AnyAsync(r => r.Slug == slug && r.ArticleId != articleId, cancellationToken);

    /// <summary>
    /// Every picture readers get must say what it shows: the story's own alt text, or else the one the library keeps
    /// for the asset. Checked when a story goes live, not on drafts, so that writers can place pictures first.
    /// </summary>
    private static async Task CheckAltTextAsync(NewsCmsDbContext db, Article article, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var images = MarkdownRenderer.FindMediaReferences(article.Body?.Markdown ?? "").Images
            .Where(image => string.IsNullOrWhiteSpace(image.AltText))
            .ToList();
        var heroNeedsAlt = article.HeroImageId is not null && string.IsNullOrWhiteSpace(article.HeroImageAlt);
        var ids = images.Select(image => image.MediaAssetId).ToList();
        if (heroNeedsAlt)
        {
            ids.Add(article.HeroImageId!.Value);
        }

        if (ids.Count == 0)
        {
            return;
        }

        var described = await db.MediaAssets
            .Where(a => ids.Contains(a.Id) && a.AltText != null && a.AltText.Trim() != "")
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        if (heroNeedsAlt && !described.Contains(article.HeroImageId!.Value))
        {
            errors.TryAdd("heroImageAlt", "The hero image needs alt text before the story goes live: write it here or on the asset in the library.");
        }

        var undescribed = images.Select(image => image.MediaAssetId).Where(id => !described.Contains(id)).Distinct().ToList();
        if (undescribed.Count > 0)
        {
            errors.TryAdd(
                "body",
                $"Every picture needs alt text before the story goes live: give {string.Join(", ", undescribed.Select(id => $"media:{id}"))} alt text in the Markdown (![what it shows](media:ID)) or on the asset in the library.");
        }
    }

    private static async Task CheckReferencesAsync(NewsCmsDbContext db, Article article, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (article.SectionId is { } sectionId && !await db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken))
        {
            errors["sectionId"] = "There is no such section.";
        }

        if (article.SponsorId is { } sponsorId && !await db.Sponsors.AnyAsync(s => s.Id == sponsorId, cancellationToken))
        {
            errors["sponsorId"] = "There is no such sponsor.";
        }

        var authorIds = article.Authors.Select(a => a.AuthorId).ToList();
        if (authorIds.Count > 0 && await db.Authors.CountAsync(a => authorIds.Contains(a.Id), cancellationToken) != authorIds.Count)
        {
            errors.TryAdd("authorIds", "One of the authors does not exist.");
        }

        if (article.HeroImageId is { } heroId)
        {
            var kind = await db.MediaAssets.Where(a => a.Id == heroId).Select(a => (MediaKind?)a.Kind).FirstOrDefaultAsync(cancellationToken);
            if (kind is null)
            {
                errors["heroImageId"] = "There is no such media asset.";
            }
            else if (kind != MediaKind.Image)
            {
                errors["heroImageId"] = $"The hero image must be a picture; this asset is a {kind.Value.ToString().ToLowerInvariant()}.";
            }
        }

        var tagIds = article.Tags.Select(t => t.TagId).ToList();
        if (tagIds.Count > 0 && await db.Tags.CountAsync(t => tagIds.Contains(t.Id), cancellationToken) != tagIds.Count)
        {
            errors["tagIds"] = "One of the tags does not exist.";
        }
    }

    private static void CheckLength(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"At most {max} characters ({value.Length} given).";
        }
    }

    private static bool IsAbsoluteWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");
}
