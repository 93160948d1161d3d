using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsCms.Core.Data;
using NewsCms.Data.PostgreSql;
using NewsCms.Data.SqlServer;
using NewsCms.Data.Sqlite;

namespace NewsCms.Server.Database;

internal static class DatabaseRegistration
{
    /// <summary>Chooses the provider from configuration and registers a pooled context factory for it.</summary>
    public static IHostApplicationBuilder AddNewsCmsDatabase(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        builder.Services.AddOptions<DatabaseOptions>().Bind(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionStringFor(options.Provider, builder.Configuration, builder.Environment);

        builder.Services.AddPooledDbContextFactory<NewsCmsDbContext>((services, db) =>
        {
            // Hooks such as SQL counters in tests or tracing in production come from the container.
            db.AddInterceptors(services.GetServices<IInterceptor>());
            _ = options.Provider switch
            {
                DatabaseProvider.Sqlite => db.UseNewsCmsSqlite(connectionString),
                DatabaseProvider.SqlServer => db.UseNewsCmsSqlServer(connectionString),
                DatabaseProvider.PostgreSql => db.UseNewsCmsPostgreSql(connectionString),
                _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
            };
        });
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());
        return builder;
    }

    private static string ConnectionStringFor(DatabaseProvider provider, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"NewsCms:Database:Provider is {provider}, which needs ConnectionStrings:{DatabaseOptions.ConnectionStringName} " +
                $"(environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}).");
        }

        // The zero-setup default: a file in the data folder beside the app.
        var dataFolder = Path.Combine(environment.ContentRootPath, configuration["NewsCms:DataPath"] ?? "App_Data");
        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "newscms.db") }.ToString();
    }
}
