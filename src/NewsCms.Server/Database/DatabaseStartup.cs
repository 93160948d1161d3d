using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Data;
using NewsCms.Core.Seeding;

namespace NewsCms.Server.Database;

/// <summary>
/// Brings the database to the model before the server takes requests: migrates where allowed, refuses to start on a
/// database that is behind (a clear message beats errors on every request), and seeds the demo newsroom when empty.
/// </summary>
internal sealed partial class DatabaseStartup(
    IDbContextFactory<NewsCmsDbContext> contexts,
    IOptions<DatabaseOptions> options,
    DemoContentSeeder demoContent,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PrepareAsync(options.Value.SeedDemoContent, cancellationToken);

    public async Task PrepareAsync(bool seedDemoContent, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0 && settings.ShouldMigrateOnStartup)
            {
                LogMigrating(logger, pending.Count, settings.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The {settings.Provider} database is missing {pending.Count} migration(s), starting with {pending[0]}. " +
                    "Apply them first (see deploy/README.md), or set NewsCms:Database:MigrateOnStartup=true.");
            }

            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers run while a writer commits; the setting is stored in the file, so once is enough.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (seedDemoContent && await demoContent.SeedIfEmptyAsync(cancellationToken))
        {
            LogSeeded(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database was empty: seeded the demo newsroom")]
    private static partial void LogSeeded(ILogger logger);
}
