using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Articles;

/// <summary>
/// The newsroom's view of articles: every status, most recently changed first. Staff with ReadDrafts only; the
/// public rule lives in <see cref="PublishedArticles"/>.
/// </summary>
public sealed class EditorialArticles(IDbContextFactory<NewsCmsDbContext> contexts)
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

    /// <summary>Keyset-paged on (last change, id), newest first, optionally of one status.</summary>
    public async Task<Page<Article>> ListAsync(StaffActor actor, ArticleStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        var after = page.After is null ? (KeysetCursor?)null : KeysetCursor.Decode(page.After);
        if (page.First == 0)
        {
            return new Page<Article>([], false, after is not null, CursorOf);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Articles.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
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
