using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Sections;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Articles;

/// <summary>
/// What anonymous readers may see: published stories whose time has come. Every method here applies that rule, so
/// no caller can forget it. Each call uses its own short-lived context because GraphQL resolves fields concurrently.
/// </summary>
public sealed class PublishedArticles(IDbContextFactory<NewsCmsDbContext> contexts, SectionTree sectionTree, TimeProvider clock)
{
    public async Task<Page<Article>> ListAsync(ArticleListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var after = page.After is null ? (KeysetCursor?)null : KeysetCursor.Decode(page.After);
        var now = UtcNow;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Visible(db, now);

        if (filter.SectionSlug is not null)
        {
            var sectionIds = await sectionTree.SubtreeIdsAsync(filter.SectionSlug, cancellationToken);
            if (sectionIds.Count == 0)
            {
                return Empty(page);
            }

            query = query.Where(a => a.SectionId != null && sectionIds.Contains(a.SectionId.Value));
        }

        if (filter.TagSlug is not null)
        {
            query = query.Where(a => db.ArticleTags.Any(t => t.ArticleId == a.Id && t.Tag!.Slug == filter.TagSlug));
        }

        if (filter.AuthorSlug is not null)
        {
            query = query.Where(a => db.ArticleAuthors.Any(x => x.ArticleId == a.Id && x.Author!.Slug == filter.AuthorSlug));
        }

        if (after is { } cursor)
        {
            query = query.Where(a => a.PublishedAt < cursor.Time || (a.PublishedAt == cursor.Time && a.Id < cursor.Id));
        }

        if (page.First == 0)
        {
            return Empty(page);
        }

        var rows = await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(page.First + 1)
            .ToListAsync(cancellationToken);

        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<Article>(rows, hasNext, after is not null, CursorOf);
    }

    public async Task<Article?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, UtcNow).FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, Article>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, UtcNow).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>Bodies are fetched apart from the rows so that lists never carry them.</summary>
    public async Task<IReadOnlyDictionary<int, ArticleBody>> BodiesAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArticleBodies.AsNoTracking()
            .Where(b => articleIds.Contains(b.ArticleId))
            .ToDictionaryAsync(b => b.ArticleId, cancellationToken);
    }

    /// <summary>The bylines of several articles at once, each in printed order.</summary>
    public async Task<ILookup<int, Author>> AuthorsAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bylines = await db.ArticleAuthors.AsNoTracking()
            .Where(x => articleIds.Contains(x.ArticleId))
            .OrderBy(x => x.ArticleId).ThenBy(x => x.Position)
            .Select(x => new { x.ArticleId, x.Author })
            .ToListAsync(cancellationToken);
        return bylines.ToLookup(x => x.ArticleId, x => x.Author!);
    }

    public async Task<ILookup<int, Tag>> TagsAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = await db.ArticleTags.AsNoTracking()
            .Where(x => articleIds.Contains(x.ArticleId))
            .OrderBy(x => x.Tag!.Name)
            .Select(x => new { x.ArticleId, x.Tag })
            .ToListAsync(cancellationToken);
        return tags.ToLookup(x => x.ArticleId, x => x.Tag!);
    }

    public static string CursorOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new KeysetCursor(article.PublishedAt ?? DateTime.MinValue, article.Id).Encode();
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<Article> Visible(NewsCmsDbContext db, DateTime now) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);

    private static Page<Article> Empty(PageRequest page) => new([], false, page.After is not null, CursorOf);
}
