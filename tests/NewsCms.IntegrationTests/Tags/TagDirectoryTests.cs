using NewsCms.Core.Common;
using NewsCms.Core.Tags;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Tags;

public abstract class TagDirectoryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private TagDirectory Directory() => new(database.Contexts);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_staff_list_finds_tags_by_name_in_any_case_or_by_slug_in_name_order()
    {
        database.RequireAvailable();
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.Tags.AddRange(
                new Tag { Slug = "zebra-quokkafunds", Name = "Zebra QuokkaFunds" },
                new Tag { Slug = "alpha-quokkafunds", Name = "Alpha quokkafunds" },
                new Tag { Slug = "quokka-slug-only", Name = "Named otherwise" },
                new Tag { Slug = "unrelated-tag-x", Name = "Unrelated" });
            await db.SaveChangesAsync(Cancel);
        }

        var byName = await Directory().ListAsync("QUOKKAFUNDS", 10, Cancel);
        var bySlug = await Directory().ListAsync(" quokka-slug ", 10, Cancel);
        var limited = await Directory().ListAsync("quokka", 2, Cancel);
        var everything = await Directory().ListAsync(null, TagDirectory.MaxListed, Cancel);

        Assert.Equal(["alpha-quokkafunds", "zebra-quokkafunds"], byName.Select(t => t.Slug));
        Assert.Equal(["quokka-slug-only"], bySlug.Select(t => t.Slug));
        Assert.Equal(2, limited.Count);
        Assert.Contains(everything, t => t.Slug == "unrelated-tag-x");
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_validation_error()
    {
        database.RequireAvailable();

        var refusal = await FailsWith(ErrorCode.Validation, () => Directory().ListAsync(null, TagDirectory.MaxListed + 1, Cancel));

        Assert.Equal(["first"], refusal.FieldErrors.Keys);
    }
}

public sealed class SqliteTagDirectoryTests(SqliteTestDatabase database) : TagDirectoryTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlTagDirectoryTests(PostgreSqlTestDatabase database) : TagDirectoryTests<PostgreSqlTestDatabase>(database);
