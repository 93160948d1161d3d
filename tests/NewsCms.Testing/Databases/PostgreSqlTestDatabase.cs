using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;

namespace NewsCms.Testing.Databases;

/// <summary>
/// A fresh database on the PostgreSQL server that tests/run.sh started on loopback; each test class gets its own,
/// so classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private string? adminConnectionString;
    private string? databaseName;

    public override string ProviderName => "PostgreSQL";

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsPostgreSql(ConnectionString);

    protected override async Task CreateAsync()
    {
        adminConnectionString = TestEnvironment.PostgresAdminConnectionString;
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            UnavailableReason = "No PostgreSQL server: NEWSCMS_TEST_POSTGRES is not set";
            return;
        }

        (databaseName, ConnectionString) = await ThrowawayPostgreSqlDatabase.CreateAsync(adminConnectionString, "newscms_test");
    }

    protected override async Task DropAsync()
    {
        if (databaseName is null || adminConnectionString is null)
        {
            return;
        }

        await ThrowawayPostgreSqlDatabase.DropAsync(adminConnectionString, databaseName);
    }
}
