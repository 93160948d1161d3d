using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Core.Sections;

/// <summary>Reads sections, which are few and public, and answers questions about their nesting.</summary>
public sealed class SectionTree(IDbContextFactory<NewsCmsDbContext> contexts)
{
    public async Task<IReadOnlyList<Section>> RootsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sections.AsNoTracking()
            .Where(s => s.ParentId == null)
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
    }

    public async Task<Section?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, Section>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    public async Task<ILookup<int, Section>> ChildrenAsync(IReadOnlyCollection<int> parentIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var children = await db.Sections.AsNoTracking()
            .Where(s => s.ParentId != null && parentIds.Contains(s.ParentId.Value))
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return children.ToLookup(s => s.ParentId!.Value);
    }

    /// <summary>
    /// The ids of a section and of every section below it; empty when the slug names none. One query for the whole
    /// (small) table beats a recursive query that every provider spells differently.
    /// </summary>
    public async Task<IReadOnlyList<int>> SubtreeIdsAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Sections.AsNoTracking()
            .Select(s => new { s.Id, s.ParentId, s.Slug })
            .ToListAsync(cancellationToken);

        var root = all.FirstOrDefault(s => s.Slug == slug);
        if (root is null)
        {
            return [];
        }

        var childrenOf = all.Where(s => s.ParentId != null).ToLookup(s => s.ParentId!.Value, s => s.Id);
        var result = new List<int>();
        var pending = new Queue<int>([root.Id]);
        while (pending.TryDequeue(out var id))
        {
            // A cycle cannot be written through the services, but a hand-edited table must not hang a request.
            if (result.Contains(id))
            {
                continue;
            }

            result.Add(id);
            foreach (var child in childrenOf[id])
            {
                pending.Enqueue(child);
            }
        }

        return result;
    }
}
