using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Articles;

/// <summary>
/// The newsroom's view of articles: every status, most recently changed first. Staff with ReadDrafts only; the
/// public rule lives in <see cref="PublishedArticles"/>.
/// </summary>
public sealed class EditorialArticles(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public async Task<Article?> FindAsync(StaffActor actor, int articleId, CancellationToken cancellationToken)
    {
        var found = await FindByIdsAsync(actor, [articleId], cancellationToken);
        return found.GetValueOrDefault(articleId);
    }

    public async Task<IReadOnlyDictionary<int, Article>> FindByIdsAsync(StaffActor actor, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>Keyset-paged on (last change, id), newest first, narrowed by <paramref name="filter"/>.</summary>
    public async Task<Page<Article>> ListAsync(StaffActor actor, EditorialArticleFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        actor.Require(Permission.ReadDrafts);
        var after = page.After is null ? (KeysetCursor?)null : KeysetCursor.Decode(page.After);
        var search = filter.Search?.Trim();
        if (search?.Length > EditorialArticleFilter.SearchMaxLength)
        {
            throw NewsCmsException.Invalid("search", $"'search' has at most {EditorialArticleFilter.SearchMaxLength} characters.");
        }

        if (page.First == 0)
        {
            return new Page<Article>([], false, after is not null, CursorOf);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Articles.AsNoTracking();
        if (filter.Status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        if (!string.IsNullOrEmpty(search))
        {
            // lower() on both sides, as in the media library: PostgreSQL's LIKE is case-sensitive, and Contains
            // escapes the term's own % and _ on every provider. SQLite folds ASCII letters only.
            var term = search.ToLowerInvariant();
#pragma warning disable CA1862 // ToLower is what translates to SQL on every provider; the comparison overloads do not.
            query = query.Where(a => a.Title.ToLower().Contains(term) || a.Summary.ToLower().Contains(term) || a.Slug.Contains(term));
#pragma warning restore CA1862
        }

        if (filter.SectionId is { } sectionId)
        {
            query = query.Where(a => a.SectionId == sectionId);
        }

        if (filter.AuthorId is { } authorId)
        {
            query = query.Where(a => a.Authors.Any(b => b.AuthorId == authorId));
        }

        if (filter.ChangedFrom is { } changedFrom)
        {
            query = query.Where(a => a.UpdatedAt >= changedFrom);
        }

        if (filter.ChangedTo is { } changedTo)
        {
            query = query.Where(a => a.UpdatedAt < changedTo);
        }

        if (filter.PublishedFrom is { } publishedFrom)
        {
            query = query.Where(a => a.PublishedAt >= publishedFrom);
        }

        if (filter.CreatedByUserId is { } createdBy)
        {
            query = query.Where(a => a.CreatedByUserId == createdBy);
        }

        if (filter.EmbargoedOnly)
        {
            query = query.Where(a => a.EmbargoUntil > now);
        }

        if (filter.BreakingOnly)
        {
            // Breaking now means readers see it as breaking: live, and its flag not yet expired.
            query = query.Where(a => a.IsBreaking && (a.BreakingUntil == null || a.BreakingUntil > now)
                && a.Status == ArticleStatus.Published && a.PublishedAt <= now && (a.EmbargoUntil == null || a.EmbargoUntil <= now));
        }

        if (after is { } cursor)
        {
            query = query.Where(a => a.UpdatedAt < cursor.Time || (a.UpdatedAt == cursor.Time && a.Id < cursor.Id));
        }

        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<Article>(rows, hasNext, after is not null, CursorOf);
    }

    /// <summary>The e-mail addresses of staff accounts, for "created by" lines; accounts that are gone are absent.</summary>
    public async Task<IReadOnlyDictionary<int, string>> StaffEmailsAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
    }

    public static string CursorOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new KeysetCursor(article.UpdatedAt, article.Id).Encode();
    }
}
