using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Media;

/// <summary>Which assets to list: <see cref="Search"/> matches the file name, alt text, caption or credit in any case.</summary>
public sealed record MediaListFilter(string? Search = null, MediaKind? Kind = null)
{
    public const int SearchMaxLength = 200;
}

/// <summary>Reads of the media library. Asset rows carry no secrets, so reads by id need no actor; browsing is for staff.</summary>
public sealed class MediaLibrary(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<int, MediaAsset>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    public async Task<MediaAsset?> FindByStorageIdAsync(string storageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(a => a.StorageId == storageId, cancellationToken);
    }

    /// <summary>The library newest first, keyset-paged on (upload time, id) so that uploads during browsing shift no page.</summary>
    public async Task<Page<MediaAsset>> ListAsync(StaffActor actor, MediaListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        actor.Require(Permission.UploadMedia);
        var after = page.After is null ? (KeysetCursor?)null : KeysetCursor.Decode(page.After);
        var search = filter.Search?.Trim();
        if (search?.Length > MediaListFilter.SearchMaxLength)
        {
            throw NewsCmsException.Invalid("search", $"'search' has at most {MediaListFilter.SearchMaxLength} characters.");
        }

        if (page.First == 0)
        {
            return new Page<MediaAsset>([], false, after is not null, CursorOf);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MediaAssets.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (!string.IsNullOrEmpty(search))
        {
            // lower() on both sides rather than LIKE: PostgreSQL's LIKE is case-sensitive, and Contains escapes the
            // term's own % and _ on every provider. SQLite's lower() folds ASCII only, which covers file names.
            var term = search.ToLowerInvariant();
#pragma warning disable CA1862 // ToLower is what translates to SQL on every provider; the comparison overloads do not.
            query = query.Where(a =>
                a.FileName.ToLower().Contains(term)
                || (a.AltText != null && a.AltText.ToLower().Contains(term))
                || (a.Caption != null && a.Caption.ToLower().Contains(term))
                || (a.Credit != null && a.Credit.ToLower().Contains(term)));
#pragma warning restore CA1862
        }

        if (after is { } cursor)
        {
            query = query.Where(a => a.UploadedAt < cursor.Time || (a.UploadedAt == cursor.Time && a.Id < cursor.Id));
        }

        var rows = await query.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<MediaAsset>(rows, hasNext, after is not null, CursorOf);
    }

    public static string CursorOf(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new KeysetCursor(asset.UploadedAt, asset.Id).Encode();
    }
}
