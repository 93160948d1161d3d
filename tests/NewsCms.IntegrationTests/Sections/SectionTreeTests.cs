using NewsCms.Core.Sections;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Sections;

/// <summary>The section snapshot: served from memory, never older than its limit, dropped at once on invalidation.</summary>
/// <remarks>Each test owns its database: the tree reads every section, so a neighbour's rows would change what it sees.</remarks>
public sealed class SectionTreeTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_section_shows_after_invalidation_or_once_the_snapshot_is_too_old()
    {
        var business = TestContent.Section("business", order: 2);
        await database.Contexts.SaveAsync(business, TestContent.Section("property", business), TestContent.Section("news", order: 1));
        var tree = new SectionTree(database.Contexts);

        Assert.Equal(["news", "business"], (await tree.RootsAsync(Cancel)).Select(s => s.Slug));
        Assert.Equal(2, (await tree.SubtreeIdsAsync("business", Cancel)).Count);

        await database.Contexts.SaveAsync(TestContent.Section("markets", order: 3));
        tree.Invalidate();
        Assert.NotNull(await tree.FindBySlugAsync("markets", Cancel));

        await database.Contexts.SaveAsync(TestContent.Section("events", order: 4));
        await Task.Delay(SectionTree.MaxAge + TimeSpan.FromMilliseconds(200), Cancel);
        Assert.NotNull(await tree.FindBySlugAsync("events", Cancel));
    }

    [Fact]
    public async Task Concurrent_readers_share_one_load()
    {
        await database.Contexts.SaveAsync(TestContent.Section("shared-load"));
        var tree = new SectionTree(database.Contexts);

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => tree.FindBySlugAsync("shared-load", Cancel)));

        Assert.All(reads, section => Assert.Same(reads[0], section));
    }
}
