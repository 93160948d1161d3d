using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;
using NewsCms.Data.SqlServer;
using Testcontainers.MsSql;
using Testcontainers.PostgreSql;

namespace NewsCms.Testing.Databases;

/// <summary>SQL Server 2022 in a container: the production database, testable wherever Docker runs.</summary>
public sealed class SqlServerContainerTestDatabase : TestDatabase
{
    private MsSqlContainer? container;

    public override string ProviderName => "SQL Server (container)";

    protected override bool SkipsOnCi => true;

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsSqlServer(ConnectionString);

    protected override async Task CreateAsync()
    {
        if (!DockerAvailability.IsAvailable)
        {
            UnavailableReason = DockerAvailability.SkipReason;
            return;
        }

        container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        ConnectionString = container.GetConnectionString();
    }

    protected override async Task DropAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}

/// <summary>PostgreSQL in a container, for machines with Docker but no local server.</summary>
public sealed class PostgreSqlContainerTestDatabase : TestDatabase
{
    private PostgreSqlContainer? container;

    public override string ProviderName => "PostgreSQL (container)";

    protected override bool SkipsOnCi => true;

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsPostgreSql(ConnectionString);

    protected override async Task CreateAsync()
    {
        if (!DockerAvailability.IsAvailable)
        {
            UnavailableReason = DockerAvailability.SkipReason;
            return;
        }

        container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        ConnectionString = container.GetConnectionString();
    }

    protected override async Task DropAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
