using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Data;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Migrations;

/// <summary>
/// Each provider's migrations, applied to an empty database, must produce exactly the model the code has: EF refuses
/// to migrate when they drift, and production would find out first.
/// </summary>
public abstract class MigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task All_migrations_apply_to_an_empty_database_and_leave_no_model_change_pending()
    {
        database.RequireAvailable();
        await using var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration for this provider.");
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_article_with_the_same_slug()
    {
        database.RequireAvailable();
        await database.Contexts.SaveAsync(TestContent.Article("same-slug", TestContent.Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => database.Contexts.SaveAsync(TestContent.Article("same-slug", TestContent.Now)));

        await using var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Set<Article>().CountAsync(a => a.Slug == "same-slug", TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteMigrationTests(SqliteTestDatabase database) : MigrationTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlMigrationTests(PostgreSqlTestDatabase database) : MigrationTests<PostgreSqlTestDatabase>(database);

[Trait("Category", "Docker")]
public sealed class SqlServerContainerMigrationTests(SqlServerContainerTestDatabase database) : MigrationTests<SqlServerContainerTestDatabase>(database);

[Trait("Category", "Docker")]
public sealed class PostgreSqlContainerMigrationTests(PostgreSqlContainerTestDatabase database) : MigrationTests<PostgreSqlContainerTestDatabase>(database);
