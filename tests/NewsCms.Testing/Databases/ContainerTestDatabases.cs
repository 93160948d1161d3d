using DotNet.Testcontainers.Containers;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;
using NewsCms.Data.SqlServer;
using Testcontainers.MsSql;
using Testcontainers.PostgreSql;

namespace NewsCms.Testing.Databases;

/// <summary>A database server in a throwaway container, wherever Docker runs; skipped with the reason elsewhere.</summary>
public abstract class ContainerTestDatabase<TContainer> : TestDatabase
    where TContainer : IDatabaseContainer
{
    private TContainer? container;

    protected override bool SkipsOnCi => true;

    protected abstract TContainer Build();

    protected override async Task CreateAsync()
    {
        if (!DockerAvailability.IsAvailable)
        {
            UnavailableReason = DockerAvailability.SkipReason;
            return;
        }

        container = Build();
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

/// <summary>SQL Server 2022 in a container: the production database, testable wherever Docker runs.</summary>
public sealed class SqlServerContainerTestDatabase : ContainerTestDatabase<MsSqlContainer>
{
    public override string ProviderName => "SQL Server (container)";

    protected override MsSqlContainer Build() => new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsSqlServer(ConnectionString);
}

/// <summary>PostgreSQL in a container, for machines with Docker but no local server.</summary>
public sealed class PostgreSqlContainerTestDatabase : ContainerTestDatabase<PostgreSqlContainer>
{
    public override string ProviderName => "PostgreSQL (container)";

    protected override PostgreSqlContainer Build() => new PostgreSqlBuilder("postgres:15-alpine").Build();

    protected override DbContextOptionsBuilder<NewsCmsDbContext> Configure(DbContextOptionsBuilder<NewsCmsDbContext> builder) =>
        builder.UseNewsCmsPostgreSql(ConnectionString);
}
