using Microsoft.EntityFrameworkCore;

namespace NewsCms.Data.Sqlite;

public static class SqliteDatabase
{
    /// <summary>Points a context at this provider, with migrations taken from this assembly.</summary>
    public static TBuilder UseNewsCmsSqlite<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
        return builder;
    }
}
