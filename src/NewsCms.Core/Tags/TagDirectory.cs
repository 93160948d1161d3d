using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Tags;

public sealed class TagDirectory(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public async Task<Tag?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, Tag>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tags.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>Every tag by name: the tag picker's choices, which it narrows as the editor types.</summary>
    public async Task<IReadOnlyList<Tag>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tags.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
    }
}
