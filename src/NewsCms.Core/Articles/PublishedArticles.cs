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
    private readonly CompiledReads compiled = new();

    public async Task<Page<Article>> ListAsync(ArticleListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var after = page.After is null ? (KeysetCursor?)null : KeysetCursor.Decode(page.After);
        if (page.First == 0)
        {
            return Empty(page);
        }

        var now = UtcNow;
        var take = page.First + 1;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<Article> rows;
        if (filter == ArticleListFilter.None)
        {
            var firstRows = after is { } position ? compiled.PageAfter(db, now, position.Time, position.Id, take) : compiled.FirstPage(db, now, take);
            rows = await firstRows.ToListAsync(cancellationToken);
        }
        else
        {
            var query = await FilteredAsync(db, filter, now, cancellationToken);
            if (query is null)
            {
                return Empty(page);
            }

            if (after is { } cursor)
            {
                query = query.Where(a => a.PublishedAt < cursor.Time || (a.PublishedAt == cursor.Time && a.Id < cursor.Id));
            }

            rows = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        }

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
        return await compiled.BySlug(db, UtcNow, slug);
    }

    /// <summary>
    /// The story and its rendered body in one round trip, for a story page that shows the text: one statement instead
    /// of the row now and the body (and the byline) in batches after it.
    /// </summary>
    public async Task<PublishedArticleWithBody?> FindBySlugWithBodyAsync(string slug, bool withBylines, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!withBylines)
        {
            return await compiled.BySlugWithBody(db, UtcNow, slug);
        }

        var rows = await compiled.BySlugWithBodyAndBylines(db, UtcNow, slug).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var bylines = rows.Where(r => r.Author is not null).OrderBy(r => r.Position).Select(r => r.Author!).ToList();
        return new PublishedArticleWithBody(rows[0].Article, rows[0].Body, bylines);
    }

    public async Task<IReadOnlyDictionary<int, Article>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, UtcNow).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>
    /// What readers see of several bodies: the rendered forms, never the Markdown source, which is both staff-only and
    /// as large again as the HTML.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PublicArticleBody>> PublicBodiesAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await compiled.PublicBodies(db, [.. articleIds]).ToDictionaryAsync(b => b.ArticleId, cancellationToken: cancellationToken);
    }

    /// <summary>Bodies are fetched apart from the rows so that lists never carry them.</summary>
    public async Task<IReadOnlyDictionary<int, ArticleBody>> BodiesAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await compiled.Bodies(db, [.. articleIds]).ToDictionaryAsync(b => b.ArticleId, cancellationToken: cancellationToken);
    }

    /// <summary>The bylines of several articles at once, each in printed order.</summary>
    public async Task<ILookup<int, Author>> AuthorsAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bylines = await compiled.Bylines(db, [.. articleIds]).ToListAsync(cancellationToken);
        return bylines.ToLookup(x => x.ArticleId, x => x.Author);
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

    /// <summary>The visible stories narrowed by the filter; null when it names a section that does not exist.</summary>
    private async Task<IQueryable<Article>?> FilteredAsync(NewsCmsDbContext db, ArticleListFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var query = Visible(db, now);
        if (filter.SectionSlug is not null)
        {
            var sectionIds = await sectionTree.SubtreeIdsAsync(filter.SectionSlug, cancellationToken);
            if (sectionIds.Count == 0)
            {
                return null;
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

        return query;
    }

    private static IQueryable<Article> Visible(NewsCmsDbContext db, DateTime now) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now));

    private sealed record Byline(int ArticleId, Author Author);

    private sealed record StoryPageRow(Article Article, PublicArticleBody Body, Author? Author, int Position);

    /// <summary>
    /// The hottest reads, compiled once so that EF skips preparing them on every call (a sixth of a story page's CPU
    /// when profiled). A compiled query binds to the first model it meets, and each host has its own provider and
    /// model, so they live per instance rather than in statics. Each spells out the rule of <see cref="Visible"/>.
    /// </summary>
    private sealed class CompiledReads
    {
        public readonly Func<NewsCmsDbContext, DateTime, int, IAsyncEnumerable<Article>> FirstPage =
            EF.CompileAsyncQuery((NewsCmsDbContext db, DateTime now, int take) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(take));

        public readonly Func<NewsCmsDbContext, DateTime, DateTime, int, int, IAsyncEnumerable<Article>> PageAfter =
            EF.CompileAsyncQuery((NewsCmsDbContext db, DateTime now, DateTime afterTime, int afterId, int take) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now))
                .Where(a => a.PublishedAt < afterTime || (a.PublishedAt == afterTime && a.Id < afterId))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(take));

        public readonly Func<NewsCmsDbContext, DateTime, string, Task<Article?>> BySlug =
            EF.CompileAsyncQuery((NewsCmsDbContext db, DateTime now, string slug) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now))
                .FirstOrDefault(a => a.Slug == slug));

        public readonly Func<NewsCmsDbContext, DateTime, string, Task<PublishedArticleWithBody?>> BySlugWithBody =
            EF.CompileAsyncQuery((NewsCmsDbContext db, DateTime now, string slug) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now))
                .Where(a => a.Slug == slug)
                .Select(a => new PublishedArticleWithBody(a, new PublicArticleBody(a.Id, a.Body!.Html, a.Body.PlainText, a.Body.Outline)))
                .FirstOrDefault());

        // One row per byline (or one row without), joined flat: SQLite would materialize a nested bylines subquery
        // across every story before joining it, which cost a story page five times what it saved.
        public readonly Func<NewsCmsDbContext, DateTime, string, IAsyncEnumerable<StoryPageRow>> BySlugWithBodyAndBylines =
            EF.CompileAsyncQuery((NewsCmsDbContext db, DateTime now, string slug) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now))
                .Where(a => a.Slug == slug)
                .SelectMany(a => a.Authors.DefaultIfEmpty(), (a, byline) => new StoryPageRow(
                    a,
                    new PublicArticleBody(a.Id, a.Body!.Html, a.Body.PlainText, a.Body.Outline),
                    byline == null ? null : byline.Author,
                    byline == null ? 0 : byline.Position)));

        public readonly Func<NewsCmsDbContext, int[], IAsyncEnumerable<PublicArticleBody>> PublicBodies =
            EF.CompileAsyncQuery((NewsCmsDbContext db, int[] ids) => db.ArticleBodies.AsNoTracking()
                .Where(b => ids.Contains(b.ArticleId))
                .Select(b => new PublicArticleBody(b.ArticleId, b.Html, b.PlainText, b.Outline)));

        public readonly Func<NewsCmsDbContext, int[], IAsyncEnumerable<ArticleBody>> Bodies =
            EF.CompileAsyncQuery((NewsCmsDbContext db, int[] ids) => db.ArticleBodies.AsNoTracking().Where(b => ids.Contains(b.ArticleId)));

        public readonly Func<NewsCmsDbContext, int[], IAsyncEnumerable<Byline>> Bylines =
            EF.CompileAsyncQuery((NewsCmsDbContext db, int[] ids) => db.ArticleAuthors.AsNoTracking()
                .Where(x => ids.Contains(x.ArticleId))
                .OrderBy(x => x.ArticleId).ThenBy(x => x.Position)
                .Select(x => new Byline(x.ArticleId, x.Author!)));
    }

    private static Page<Article> Empty(PageRequest page) => new([], false, page.After is not null, CursorOf);
}
