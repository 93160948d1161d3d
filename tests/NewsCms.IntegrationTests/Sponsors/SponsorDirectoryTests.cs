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

        var strip = await sponsors.ActiveAsync(null, null, TestContext.Current.CancellationToken);
        var gold = await sponsors.ActiveAsync(null, SponsorTier.Gold, TestContext.Current.CancellationToken);

        Assert.Equal(["first", "second", "third"], strip.Select(s => s.Slug).Where(s => s is "first" or "second" or "third" or "ended" or "not-yet"));
        Assert.Equal(["second", "third"], gold.Select(s => s.Slug).Where(s => s is "first" or "second" or "third" or "ended" or "not-yet"));
    }

    [Fact]
    public async Task A_placement_narrows_the_strip_to_sponsors_shown_there_still_active_and_in_order_and_combines_with_the_tier()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        const SponsorPlacements HomeAndMail = SponsorPlacements.HomepageStrip | SponsorPlacements.Newsletter;
        await database.Contexts.SaveAsync(
            TestContent.Sponsor("placed-mail-gold", SponsorTier.Gold, order: 7, placements: HomeAndMail),
            TestContent.Sponsor("placed-home-gold", SponsorTier.Gold, order: 5, placements: SponsorPlacements.HomepageStrip),
            TestContent.Sponsor("placed-mail-silver", SponsorTier.Silver, order: 6, placements: SponsorPlacements.Newsletter | SponsorPlacements.Events),
            TestContent.Sponsor("placed-mail-ended", SponsorTier.Gold, order: 1, until: now, placements: HomeAndMail),
            TestContent.Sponsor("placed-mail-later", SponsorTier.Gold, order: 1, from: now.AddDays(1), placements: SponsorPlacements.Newsletter),
            TestContent.Sponsor("placed-nowhere", SponsorTier.Gold, order: 2));
        var sponsors = new SponsorDirectory(database.Contexts, new FakeTimeProvider(now));
        var cancel = TestContext.Current.CancellationToken;

        static IEnumerable<string> Placed(IEnumerable<Sponsor> list) => list.Select(s => s.Slug).Where(s => s.StartsWith("placed-", StringComparison.Ordinal));

        Assert.Equal(["placed-mail-silver", "placed-mail-gold"], Placed(await sponsors.ActiveAsync(SponsorPlacements.Newsletter, null, cancel)));
        Assert.Equal(["placed-home-gold", "placed-mail-gold"], Placed(await sponsors.ActiveAsync(SponsorPlacements.HomepageStrip, null, cancel)));
        Assert.Equal(["placed-mail-gold"], Placed(await sponsors.ActiveAsync(SponsorPlacements.Newsletter, SponsorTier.Gold, cancel)));
        Assert.Empty(Placed(await sponsors.ActiveAsync(SponsorPlacements.ArticleSponsorship, null, cancel)));
        Assert.Equal(
            ["placed-nowhere", "placed-home-gold", "placed-mail-silver", "placed-mail-gold"], Placed(await sponsors.ActiveAsync(null, null, cancel)));
    }
}

public sealed class SqliteSponsorDirectoryTests(SqliteTestDatabase database) : SponsorDirectoryTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlSponsorDirectoryTests(PostgreSqlTestDatabase database) : SponsorDirectoryTests<PostgreSqlTestDatabase>(database);
