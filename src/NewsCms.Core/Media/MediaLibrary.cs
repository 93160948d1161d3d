using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Media;

/// <summary>Reads of the media library. Asset rows carry no secrets, so reads need no actor; writes live elsewhere.</summary>
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
}
