using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Sections;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Routing;

/// <summary>
/// What a path names, for a frontend serving that URL: exactly one of the entities, or, for a redirect, the path to
/// send the reader to.
/// </summary>
public sealed record Route(RouteKind Kind, string Path, Article? Article = null, Section? Section = null, Author? Author = null, Tag? Tag = null)
{
    /// <summary>Where a <see cref="RouteKind.Redirect"/> sends the reader; null for every other kind.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>Whether the redirect is for good (HTTP 301/308), so that search engines move the old URL's standing.</summary>
    public bool Permanent { get; init; }
}

/// <summary>
/// Answers what a public URL path shows. Stories follow the public visibility rule of <see cref="PublishedArticles"/>:
/// a path never reveals that a draft, a scheduled, an embargoed or a withdrawn story exists, not even by redirecting.
/// </summary>
public sealed class RouteResolver(
    IDbContextFactory<NewsCmsDbContext> contexts,
    PublishedArticles articles,
    SectionTree sections,
    AuthorDirectory authors,
    TagDirectory tags)
{
    /// <returns>The route, or null when the path names nothing a reader may see.</returns>
    public async Task<Route?> ResolveAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length > ContentPaths.MaxLength)
        {
            throw NewsCmsException.Invalid("path", $"'path' must be at most {ContentPaths.MaxLength} characters.");
        }

        if (!ContentPaths.TryParse(path, out var kind, out var slug))
        {
            return null;
        }

        return kind switch
        {
            RouteKind.Article => await ArticleAsync(slug, cancellationToken),
            RouteKind.Section => await sections.FindBySlugAsync(slug, cancellationToken) is { } section
                ? new Route(RouteKind.Section, ContentPaths.Section(section.Slug), Section: section)
                : null,
            RouteKind.Author => await authors.FindBySlugAsync(slug, cancellationToken) is { } author
                ? new Route(RouteKind.Author, ContentPaths.Author(author.Slug), Author: author)
                : null,
            RouteKind.Tag => await tags.FindBySlugAsync(slug, cancellationToken) is { } tag
                ? new Route(RouteKind.Tag, ContentPaths.Tag(tag.Slug), Tag: tag)
                : null,
            _ => null,
        };
    }

    /// <summary>The story at this slug, or a redirect when the slug is one a visible story used to have.</summary>
    private async Task<Route?> ArticleAsync(string slug, CancellationToken cancellationToken)
    {
        if (await articles.FindBySlugAsync(slug, cancellationToken) is { } article)
        {
            return new Route(RouteKind.Article, ContentPaths.Article(article.Slug), Article: article);
        }

        int? movedTo;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            movedTo = await db.ArticleSlugRedirects.AsNoTracking()
                .Where(r => r.Slug == slug)
                .Select(r => (int?)r.ArticleId)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (movedTo is not { } id || (await articles.FindByIdsAsync([id], cancellationToken)).GetValueOrDefault(id) is not { } moved)
        {
            return null;
        }

        return new Route(RouteKind.Redirect, ContentPaths.Article(slug)) { RedirectTo = ContentPaths.Article(moved.Slug), Permanent = true };
    }
}
