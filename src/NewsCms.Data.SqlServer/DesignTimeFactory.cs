using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsCms.Core.Data;

namespace NewsCms.Data.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model and write scripts for this provider with no server running.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NewsCmsDbContext>
{
    public NewsCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsCmsDbContext>()
            .UseNewsCmsSqlServer("Server=localhost;Database=NewsCms;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
