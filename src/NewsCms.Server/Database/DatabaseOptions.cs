namespace NewsCms.Server.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Settings under <c>NewsCms:Database</c>; the connection string is <c>ConnectionStrings:NewsCms</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "NewsCms:Database";
    public const string ConnectionStringName = "NewsCms";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations at start-up. Null means "only for the embedded SQLite default": production databases
    /// are migrated by a deliberate step (see deploy/), never as a side effect of a deployment.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Seed the demo newsroom when the database has no content at all.</summary>
    public bool SeedDemoContent { get; set; } = true;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
