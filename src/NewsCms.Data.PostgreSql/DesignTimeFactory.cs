using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsCms.Core.Data;

namespace NewsCms.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider with no server running.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NewsCmsDbContext>
{
    public NewsCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsCmsDbContext>()
            .UseNewsCmsPostgreSql("Host=localhost;Database=newscms;Username=postgres")
            .Options);
}
