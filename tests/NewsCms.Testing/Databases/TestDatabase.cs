using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xunit;
using NewsCms.Core.Data;

namespace NewsCms.Testing.Databases;

/// <summary>
/// A real, empty, fully migrated database of one provider, made for one test class and thrown away after it.
/// Tests that cannot have the server they need call <see cref="RequireAvailable"/> and skip or fail with the reason.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private readonly SemaphoreSlim seedGate = new(1, 1);
    private PooledDbContextFactory<NewsCmsDbContext>? contexts;
    private bool seeded;

    public abstract string ProviderName { get; }

    /// <summary>Null when the database is ready; otherwise why it cannot be had here.</summary>
    public string? UnavailableReason { get; protected set; }

    public string ConnectionString { get; protected set; } = "";

    public IDbContextFactory<NewsCmsDbContext> Contexts =>
        contexts ?? throw new InvalidOperationException($"The {ProviderName} test database is not available: {UnavailableReason}");

    /// <summary>Whether a missing server skips (Docker suites) or fails on CI (services tests/run.sh provides).</summary>
    protected virtual bool SkipsOnCi => false;

    public void RequireAvailable()
    {
        if (UnavailableReason is null)
        {
            return;
        }

        if (SkipsOnCi)
        {
            Assert.Skip(UnavailableReason);
        }

        TestEnvironment.RequireLocalService(false, UnavailableReason);
    }

    /// <summary>
    /// Runs <paramref name="seed"/> the first time a test of the class asks, so that tests that only read share one
    /// newsroom; tests starting in parallel wait for it instead of seeding twice.
    /// </summary>
    public async Task SeedOnceAsync(Func<Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await seedGate.WaitAsync();
        try
        {
            if (!seeded)
            {
                await seed();
                seeded = true;
            }
        }
        finally
        {
            seedGate.Release();
        }
    }

    public DbContextOptions<NewsCmsDbContext> Options() => Configure(new DbContextOptionsBuilder<NewsCmsDbContext>()).Options;

    public async ValueTask InitializeAsync()
    {
        await CreateAsync();
        if (UnavailableReason is not null)
        {
            return;
        }

        contexts = new PooledDbContextFactory<NewsCmsDbContext>(Options());
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        seedGate.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder);

    /// <summary>Makes the empty database, or sets <see cref="UnavailableReason"/>.</summary>
    protected abstract Task CreateAsync();

    protected abstract Task DropAsync();
}
