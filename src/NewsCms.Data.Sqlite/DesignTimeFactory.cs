using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsCms.Core.Data;

namespace NewsCms.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NewsCmsDbContext>
{
    public NewsCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsCmsDbContext>().UseNewsCmsSqlite("Data Source=design-time.db").Options);
}
