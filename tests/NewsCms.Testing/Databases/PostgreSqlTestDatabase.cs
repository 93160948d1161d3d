using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;
using Npgsql;

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

        databaseName = $"newscms_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        if (databaseName is null || adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
