using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Sponsors;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Sponsors;

public abstract class SponsorDirectoryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_strip_shows_sponsors_active_now_in_display_order_and_filters_by_tier()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        await database.Contexts.SaveAsync(
            TestContent.Sponsor("second", SponsorTier.Gold, order: 2),
            TestContent.Sponsor("first", SponsorTier.Platinum, order: 1, from: now.AddDays(-1)),
            TestContent.Sponsor("ended", SponsorTier.Gold, order: 0, until: now),
            TestContent.Sponsor("not-yet", SponsorTier.Gold, order: 0, from: now.AddMinutes(1)),
            TestContent.Sponsor("third", SponsorTier.Gold, order: 3, until: now.AddDays(30)));
        var sponsors = new SponsorDirectory(database.Contexts, new FakeTimeProvider(now));

        var strip = await sponsors.ActiveAsync(null, TestContext.Current.CancellationToken);
        var gold = await sponsors.ActiveAsync(SponsorTier.Gold, TestContext.Current.CancellationToken);

        Assert.Equal(["first", "second", "third"], strip.Select(s => s.Slug));
        Assert.Equal(["second", "third"], gold.Select(s => s.Slug));
    }
}

public sealed class SqliteSponsorDirectoryTests(SqliteTestDatabase database) : SponsorDirectoryTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlSponsorDirectoryTests(PostgreSqlTestDatabase database) : SponsorDirectoryTests<PostgreSqlTestDatabase>(database);
