using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Data;
using NewsCms.Server.Database;
using static NewsCms.Server.Commands.ServerCommands;

namespace NewsCms.Server.Commands;

/// <summary>
/// The one-shot migration step of a deployment: replicas refuse to start on a database that is behind, so the schema
/// is brought forward once, by this verb, before they roll (compose's migration job, a release pipeline's step).
/// </summary>
internal static class DatabaseCommands
{
    /// <summary>ASP.NET Core's own default lifetime of a data-protection key.</summary>
    private static readonly TimeSpan DefaultKeyLifetime = TimeSpan.FromDays(90);

    public static async Task<int> DatabaseAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "migrate")
        {
            return await FailAsync("database knows one action: database migrate.");
        }

        var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        using var cancellation = CancelOnCtrlC();
        try
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<NewsCmsDbContext>>().CreateDbContextAsync(cancellation.Token);
            // Read before and after rather than trusting the pending list: another migrator may run at the same time,
            // and only what this run applied is reported as applied by it.
            var before = await AppliedAsync(db, cancellation.Token);
            await db.Database.MigrateAsync(cancellation.Token);
            var applied = (await AppliedAsync(db, cancellation.Token)).Except(before, StringComparer.Ordinal).ToList();
            if (applied.Count == 0)
            {
                await Console.Out.WriteLineAsync($"The {provider} database is up to date: no migration to apply.");
            }
            else
            {
                foreach (var migration in applied)
                {
                    await Console.Out.WriteLineAsync($"applied {migration}");
                }

                await Console.Out.WriteLineAsync($"Applied {applied.Count} migration(s) to the {provider} database.");
            }

            if (EnsureDataProtectionKey(app.Services))
            {
                await Console.Out.WriteLineAsync("Created the first data-protection key.");
            }

            return 0;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The exception's own message names the cause (unreachable server, refused login, a failing statement);
            // the stack trace is for the log, which goes to standard error too.
            await Console.Error.WriteLineAsync($"database migrate failed on the {provider} database: {failure.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Replicas first started together on an empty key table would each create a key of their own, and a replica
    /// looks for keys it does not know only in its first minutes: after that, cookies made by another replica would
    /// fail on it until its daily key refresh. One key made here, before any replica starts, is the one all of them read.
    /// </summary>
    private static bool EnsureDataProtectionKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
        {
            return false;
        }

        keys.CreateNewKey(activationDate: now, expirationDate: now + DefaultKeyLifetime);
        return true;
    }

    /// <summary>What the database has applied; nothing when it does not exist yet (migrating creates it).</summary>
    private static async Task<IReadOnlyList<string>> AppliedAsync(NewsCmsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)]
            : [];
}
