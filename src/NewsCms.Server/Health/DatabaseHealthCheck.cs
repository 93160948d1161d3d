using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;

namespace NewsCms.Server.Health;

/// <summary>The configured database answers a query: a round trip on whichever provider the server runs.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<NewsCmsDbContext> contexts) : ProbeHealthCheck
{
    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A statement rather than CanConnect, which hides why it could not: the exception is what the log needs.
        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
    }
}
