using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Authors;

public sealed class AuthorDirectory(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public async Task<Author?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, Author>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>Every author by name: the byline picker's choices. A newsroom has hundreds at most.</summary>
    public async Task<IReadOnlyList<Author>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }
}
