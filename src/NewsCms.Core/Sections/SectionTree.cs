using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Sections;

/// <summary>
/// Reads sections, which are few, public and rarely changed, from an in-memory snapshot of the whole table. Every
/// story card names its section, so a query per page for ten rows was an eighth of the front page's cost. Writers call
/// <see cref="Invalidate"/>, which drops the snapshot in every process the <see cref="ICacheInvalidation"/> reaches
/// (this one alone by default, every replica with Redis). The snapshot is never more than <see cref="MaxAge"/> old
/// either, for a change whose message was lost or another process that does not listen.
/// </summary>
public sealed class SectionTree
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>The <see cref="ICacheInvalidation"/> topic a section change is announced on.</summary>
    public const string InvalidationTopic = "sections";

    private readonly IDbContextFactory<NewsCmsDbContext> contexts;
    private readonly ICacheInvalidation invalidation;
    private readonly Lock gate = new();
    private Snapshot? current;
    private Task<Snapshot>? loading;
    private int generation;

    public SectionTree(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider? clock = null, ICacheInvalidation? invalidation = null)
    {
        this.contexts = contexts;
        Clock = clock ?? TimeProvider.System;
        this.invalidation = invalidation ?? new InProcessCacheInvalidation();
        this.invalidation.Subscribe(InvalidationTopic, DropSnapshot);
    }

    // The age is measured on the injected clock so tests with a fixed clock see a stable snapshot.
    private TimeProvider Clock { get; }

    public async Task<IReadOnlyList<Section>> RootsAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).ChildrenOf(null);

    public async Task<Section?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).BySlug.GetValueOrDefault(slug);

    public async Task<IReadOnlyDictionary<int, Section>> FindByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        return ids.Where(snapshot.ById.ContainsKey).Distinct().ToDictionary(id => id, id => snapshot.ById[id]);
    }

    public async Task<ILookup<int, Section>> ChildrenAsync(IReadOnlyCollection<int> parentIds, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        return parentIds.Distinct().SelectMany(parent => snapshot.ChildrenOf(parent)).ToLookup(s => s.ParentId!.Value);
    }

    /// <summary>The ids of a section and of every section below it; empty when the slug names none.</summary>
    public async Task<IReadOnlyList<int>> SubtreeIdsAsync(string slug, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        if (!snapshot.BySlug.TryGetValue(slug, out var root))
        {
            return [];
        }

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
            foreach (var child in snapshot.ChildrenOf(id))
            {
                pending.Enqueue(child.Id);
            }
        }

        return result;
    }

    /// <summary>Drops the snapshot here and in every process that listens, so that the next read sees a change just saved.</summary>
    public void Invalidate() => invalidation.Publish(InvalidationTopic);

    private void DropSnapshot()
    {
        lock (gate)
        {
            current = null;
            loading = null;
            generation++;
        }
    }

    private Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (current is { } fresh && Clock.GetElapsedTime(fresh.LoadedAt) < MaxAge)
            {
                return Task.FromResult(fresh);
            }

            // One load at a time, shared by every request that needs it; no single caller's cancellation may end it.
            if (loading is null || loading.IsCompleted)
            {
                loading = Task.Run(LoadAsync, CancellationToken.None);
            }

            return loading.WaitAsync(cancellationToken);
        }
    }

    private async Task<Snapshot> LoadAsync()
    {
        int loadingGeneration;
        lock (gate)
        {
            loadingGeneration = generation;
        }

        var started = Clock.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync();
        var snapshot = new Snapshot(sections, started);
        lock (gate)
        {
            // A load that began before an invalidation may hold the old rows: serve it once, never keep it.
            if (loadingGeneration == generation)
            {
                current = snapshot;
            }
        }

        return snapshot;
    }

    private sealed class Snapshot(List<Section> sections, long loadedAt)
    {
        // Lists built once per load: the tree is read on every page, and changes at most once a second.
        private readonly Dictionary<int, IReadOnlyList<Section>> childrenById = sections
            .Where(s => s.ParentId is not null)
            .GroupBy(s => s.ParentId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Section>)g.ToList());

        private readonly IReadOnlyList<Section> roots = sections.Where(s => s.ParentId is null).ToList();

        public long LoadedAt { get; } = loadedAt;

        public Dictionary<int, Section> ById { get; } = sections.ToDictionary(s => s.Id);

        public Dictionary<string, Section> BySlug { get; } = sections.ToDictionary(s => s.Slug, StringComparer.Ordinal);

        public IReadOnlyList<Section> ChildrenOf(int? parentId) =>
            parentId is { } id ? childrenById.GetValueOrDefault(id) ?? [] : roots;
    }
}
