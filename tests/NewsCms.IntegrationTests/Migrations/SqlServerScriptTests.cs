using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsCms.Core.Data;
using NewsCms.Data.SqlServer;
using NewsCms.Testing;

namespace NewsCms.IntegrationTests.Migrations;

/// <summary>
/// Production applies deploy/sqlserver/migrations.sql, not the app. The script must therefore always hold every
/// migration: this regenerates it the way dotnet ef does (no server needed) and compares.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_committed_idempotent_script_holds_every_SQL_Server_migration()
    {
        using var db = new NewsCmsDbContext(new DbContextOptionsBuilder<NewsCmsDbContext>()
            .UseNewsCmsSqlServer("Server=script-only;Database=NewsCms")
            .Options);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "sqlserver", "migrations.sql"));

        Assert.True(
            Normalize(generated) == Normalize(committed),
            "deploy/sqlserver/migrations.sql is stale: run deploy/sqlserver/write-migration-script.sh and commit the result.");
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains(migration, committed, StringComparison.Ordinal);
        }
    }

    private static string Normalize(string script) => script.Trim('\uFEFF').ReplaceLineEndings("\n").Trim();
}
