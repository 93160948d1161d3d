#pragma warning disable CS9113 // placeholder until the seeders land
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Content;
using NewsCms.Core.Data;

namespace NewsCms.Core.Seeding;

public sealed class DemoContentSeeder(IDbContextFactory<NewsCmsDbContext> contexts, MarkdownRenderer renderer, TimeProvider clock)
{
    public Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
