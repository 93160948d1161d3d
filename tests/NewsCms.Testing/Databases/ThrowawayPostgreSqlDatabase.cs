using Npgsql;

namespace NewsCms.Testing.Databases;

/// <summary>
/// An empty, uniquely named database on the PostgreSQL server tests/run.sh started, for a test or fixture that must own
/// one (the API's database fixtures, a server process, a migration run), dropped when it is done.
/// </summary>
public static class ThrowawayPostgreSqlDatabase
{
    /// <summary>Creates <c>{prefix}_{guid}</c>; returns its name and a connection string to it.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateAsync(string adminConnectionString, string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        return (name, new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>Drops the database even while pooled or leftover connections still hold it.</summary>
    public static async Task DropAsync(string adminConnectionString, string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
