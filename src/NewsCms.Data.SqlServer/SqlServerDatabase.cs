using Microsoft.EntityFrameworkCore;

namespace NewsCms.Data.SqlServer;

public static class SqlServerDatabase
{
    /// <summary>Points a context at this provider, with migrations taken from this assembly.</summary>
    public static TBuilder UseNewsCmsSqlServer<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name);
            // Azure SQL drops connections during failovers and scaling; transient faults are retried.
            sql.EnableRetryOnFailure();
        });
        return builder;
    }
}
