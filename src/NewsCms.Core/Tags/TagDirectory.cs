using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Tags;

/// <summary>Reads tags: one by slug for the public site, by ids for batch loaders, and a searchable list for staff.</summary>
public sealed class TagDirectory(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public const int MaxListed = 200;

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

    /// <summary>
    /// Tags whose name or slug contains <paramref name="search"/> in any case (all of them without one), by name.
    /// The list has no cursor: staff narrow it by searching, and a desk never needs more than <see cref="MaxListed"/>.
    /// </summary>
    public async Task<IReadOnlyList<Tag>> ListAsync(string? search, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 0 or > MaxListed)
        {
            throw NewsCmsException.Invalid("first", $"'first' must be between 0 and {MaxListed}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Tags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lowered on both sides: SQLite's LIKE, PostgreSQL's and SQL Server's collations disagree about case.
            var needle = search.Trim().ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(needle) || t.Slug.Contains(needle));
        }

        return await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
