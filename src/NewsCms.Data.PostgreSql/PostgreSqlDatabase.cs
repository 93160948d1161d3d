using Microsoft.EntityFrameworkCore;

namespace NewsCms.Data.PostgreSql;

public static class PostgreSqlDatabase
{
    /// <summary>Points a context at this provider, with migrations taken from this assembly.</summary>
    public static TBuilder UseNewsCmsPostgreSql<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
        return builder;
    }
}
