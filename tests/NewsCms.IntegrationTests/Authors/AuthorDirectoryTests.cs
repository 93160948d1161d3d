using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Authors;

public abstract class AuthorDirectoryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private AuthorDirectory Directory() => new(database.Contexts);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_staff_list_finds_authors_by_name_in_any_case_or_by_slug_in_name_order()
    {
        database.RequireAvailable();
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.Authors.AddRange(
                new Author { Slug = "zebra-wombatwriter", Name = "Zebra WombatWriter" },
                new Author { Slug = "alpha-wombatwriter", Name = "Alpha wombatwriter" },
                new Author { Slug = "wombat-slug-only", Name = "Named otherwise" },
                new Author { Slug = "unrelated-author-x", Name = "Unrelated" });
            await db.SaveChangesAsync(Cancel);
        }

        var byName = await Directory().ListAsync("WOMBATWRITER", 10, Cancel);
        var bySlug = await Directory().ListAsync(" wombat-slug ", 10, Cancel);
        var limited = await Directory().ListAsync("wombat", 2, Cancel);
        var everything = await Directory().ListAsync(null, AuthorDirectory.MaxListed, Cancel);

        Assert.Equal(["alpha-wombatwriter", "zebra-wombatwriter"], byName.Select(a => a.Slug));
        Assert.Equal(["wombat-slug-only"], bySlug.Select(a => a.Slug));
        Assert.Equal(2, limited.Count);
        Assert.Contains(everything, a => a.Slug == "unrelated-author-x");
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_validation_error()
    {
        database.RequireAvailable();

        var refusal = await FailsWith(ErrorCode.Validation, () => Directory().ListAsync(null, AuthorDirectory.MaxListed + 1, Cancel));

        Assert.Equal(["first"], refusal.FieldErrors.Keys);
    }
}

public sealed class SqliteAuthorDirectoryTests(SqliteTestDatabase database) : AuthorDirectoryTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlAuthorDirectoryTests(PostgreSqlTestDatabase database) : AuthorDirectoryTests<PostgreSqlTestDatabase>(database);
