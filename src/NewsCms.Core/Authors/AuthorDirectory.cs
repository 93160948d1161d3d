using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Authors;

/// <summary>Reads authors: one by slug for the public site, by ids for batch loaders, and a searchable list for staff.</summary>
public sealed class AuthorDirectory(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public const int MaxListed = 200;

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

    /// <summary>
    /// Authors whose name or slug contains <paramref name="search"/> in any case (all of them without one), by name.
    /// The list has no cursor: staff narrow it by searching, and a desk never needs more than <see cref="MaxListed"/>.
    /// </summary>
    public async Task<IReadOnlyList<Author>> ListAsync(string? search, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 0 or > MaxListed)
        {
            throw NewsCmsException.Invalid("first", $"'first' must be between 0 and {MaxListed}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Authors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lowered on both sides: SQLite's LIKE, PostgreSQL's and SQL Server's collations disagree about case.
            var needle = search.Trim().ToLowerInvariant();
            query = query.Where(a => a.Name.ToLower().Contains(needle) || a.Slug.Contains(needle));
        }

        return await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
