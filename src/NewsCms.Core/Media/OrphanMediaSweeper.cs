using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Data;

namespace NewsCms.Core.Media;

/// <summary>
/// Removes blobs that no asset owns: an upload that failed after its bytes were stored, an asset row deleted before
/// its blobs, a crash halfway through. Every server may run it at once; deleting what is already gone is no error.
/// </summary>
public sealed class OrphanMediaSweeper(
    IDbContextFactory<NewsCmsDbContext> contexts,
    IMediaStore store,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    /// <summary>Storage ids looked up per query, well under every provider's parameter limit.</summary>
    private const int ClaimCheckBatch = 500;

    /// <summary>
    /// Deletes every blob under <see cref="MediaKeys.Root"/> older than <see cref="MediaOptions.OrphanGracePeriod"/>
    /// whose storage id no asset claims, and every incomplete write older than that whoever owns it. Young blobs stay:
    /// an upload writes its bytes before its row, so a blob without a row may be an upload still on its way.
    /// </summary>
    /// <returns>The blobs removed.</returns>
    public async Task<IReadOnlyList<StoredMediaInfo>> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.OrphanGracePeriod;
        var orphans = new List<StoredMediaInfo>();
        var awaitingClaimCheck = new Dictionary<string, List<StoredMediaInfo>>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(MediaKeys.Root, cancellationToken))
        {
            if (blob.LastModified >= cutoff)
            {
                continue;
            }

            if (blob.IsIncompleteWrite)
            {
                orphans.Add(blob);
                continue;
            }

            // A key outside the layout is not ours to judge.
            if (MediaKeys.StorageIdOf(blob.Key) is not { } storageId)
            {
                continue;
            }

            if (!awaitingClaimCheck.TryGetValue(storageId, out var blobs))
            {
                awaitingClaimCheck[storageId] = blobs = [];
            }

            blobs.Add(blob);
            if (awaitingClaimCheck.Count >= ClaimCheckBatch)
            {
                orphans.AddRange(await UnclaimedAsync(awaitingClaimCheck, cancellationToken));
                awaitingClaimCheck.Clear();
            }
        }

        orphans.AddRange(await UnclaimedAsync(awaitingClaimCheck, cancellationToken));

        // Deleted only once the listing is done: a folder store's listing walks the very folders a delete removes.
        foreach (var orphan in orphans)
        {
            await store.DeleteAsync(orphan.Key, cancellationToken);
        }

        return orphans;
    }

    private async Task<IEnumerable<StoredMediaInfo>> UnclaimedAsync(Dictionary<string, List<StoredMediaInfo>> byStorageId, CancellationToken cancellationToken)
    {
        if (byStorageId.Count == 0)
        {
            return [];
        }

        var ids = byStorageId.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = (await db.MediaAssets.Where(a => ids.Contains(a.StorageId)).Select(a => a.StorageId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return byStorageId.Where(group => !claimed.Contains(group.Key)).SelectMany(group => group.Value).ToList();
    }
}
