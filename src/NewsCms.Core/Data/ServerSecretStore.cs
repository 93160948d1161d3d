using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace NewsCms.Core.Data;

/// <summary>
/// Keys that every server process sharing the database must agree on. The first process to need one creates it;
/// when two race, the insert of one fails on the key's name and both go on with the row that won.
/// </summary>
public sealed class ServerSecretStore(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public async Task<byte[]> GetOrCreateAsync(string name, int length, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (await FindAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        DbUpdateException? lostRace = null;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ServerSecrets.Add(new ServerSecret { Name = name, Value = RandomNumberGenerator.GetBytes(length), CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            lostRace = ex;
        }

        // Read back rather than trust what was generated here: after a lost race the row holds the other key.
        return await FindAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"The server secret '{name}' could not be created.", lostRace);
    }

    private async Task<byte[]?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ServerSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }
}
