using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Sponsors;

public sealed class SponsorDirectory(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// The sponsor strip: sponsors whose active window contains now, in the order the sales team set; with a placement,
    /// only those shown there.
    /// </summary>
    public async Task<IReadOnlyList<Sponsor>> ActiveAsync(SponsorPlacements? placement, SponsorTier? tier, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Sponsors.AsNoTracking()
            .Where(s => (s.ActiveFrom == null || s.ActiveFrom <= now) && (s.ActiveUntil == null || s.ActiveUntil > now));
        if (placement is { } shownIn)
        {
            query = query.Where(s => (s.Placements & shownIn) == shownIn);
        }

        if (tier is { } wanted)
        {
            query = query.Where(s => s.Tier == wanted);
        }

        return await query.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Every sponsor, past and future ones included, in strip order: what the partnerships team edits.</summary>
    public async Task<IReadOnlyList<Sponsor>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sponsors.AsNoTracking().OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, Sponsor>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sponsors.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}
