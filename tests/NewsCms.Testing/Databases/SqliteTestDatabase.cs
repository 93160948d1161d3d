using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.Sqlite;

namespace NewsCms.Testing.Databases;

/// <summary>A SQLite file in a temp folder: the embedded default, always available.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private string? folder;

    public override string ProviderName => "SQLite";

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsSqlite(ConnectionString);

    protected override Task CreateAsync()
    {
        folder = Directory.CreateTempSubdirectory("newscms-sqlite-").FullName;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "newscms.db") }.ToString();
        return Task.CompletedTask;
    }

    protected override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
