using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;

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
    public static void CheckPublishable(Article article, Dictionary<string, string> errors)
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
