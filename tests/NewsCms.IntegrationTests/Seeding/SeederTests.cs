using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Content;
using NewsCms.Core.Sections;
using NewsCms.Core.Seeding;
using NewsCms.Core.Sponsors;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Seeding;

public abstract class DemoContentSeederTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task An_empty_database_gets_the_demo_newsroom_once()
    {
        database.RequireAvailable();
        var clock = new FakeTimeProvider(TestContent.Now);
        var seeder = new DemoContentSeeder(database.Contexts, new MarkdownRenderer(), clock);
        var cancel = TestContext.Current.CancellationToken;

        Assert.True(await seeder.SeedIfEmptyAsync(cancel));
        Assert.False(await seeder.SeedIfEmptyAsync(cancel));

        var published = await new PublishedArticles(database.Contexts, new SectionTree(database.Contexts), clock)
            .ListAsync(ArticleListFilter.None, new Core.Common.PageRequest(100, null), cancel);
        Assert.InRange(published.Items.Count, 6, 100);
        Assert.Contains(published.Items, a => a.IsBreakingAt(TestContent.Now) && a.Kicker == "Breaking news");
        Assert.Contains(published.Items, a => a.SponsorId is not null && !string.IsNullOrWhiteSpace(a.SponsorDisclosure));
        Assert.True(published.Items.Select(a => a.SectionId).Distinct().Count() >= 4, "Demo stories should span several sections.");

        await using var db = await database.Contexts.CreateDbContextAsync(cancel);
        Assert.True(await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Draft, cancel));
        Assert.True(await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Scheduled, cancel));
        var bodies = await db.ArticleBodies.Where(b => published.Items.Select(a => a.Id).Contains(b.ArticleId)).ToListAsync(cancel);
        Assert.All(bodies, body =>
        {
            Assert.Contains("<h2", body.Html, StringComparison.Ordinal);
            Assert.Contains("<blockquote>", body.Html, StringComparison.Ordinal);
        });
        Assert.Equal(4, await db.Sponsors.CountAsync(cancel));
        var strip = await new SponsorDirectory(database.Contexts, clock).ActiveAsync(SponsorPlacements.HomepageStrip, null, cancel);
        Assert.Equal(["uol", "the-future-forbes-realty-global-properties", "aretilaw-firm", "ecredo"], strip.Select(s => s.Slug));
        var storySponsors = published.Items.Where(a => a.SponsorId is not null).Select(a => a.SponsorId!.Value).ToHashSet();
        Assert.All(strip.Where(s => storySponsors.Contains(s.Id)), s => Assert.True(s.Placements.HasFlag(SponsorPlacements.ArticleSponsorship), s.Slug));
    }
}

public sealed class SqliteDemoContentSeederTests(SqliteTestDatabase database) : DemoContentSeederTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlDemoContentSeederTests(PostgreSqlTestDatabase database) : DemoContentSeederTests<PostgreSqlTestDatabase>(database);

public abstract class GeneratedContentSeederTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Generated_stories_are_published_across_ten_sections_with_bodies_of_about_five_kilobytes()
    {
        database.RequireAvailable();
        var cancel = TestContext.Current.CancellationToken;
        var seeder = new GeneratedContentSeeder(database.Contexts, new MarkdownRenderer(), new FakeTimeProvider(TestContent.Now));

        Assert.Equal(300, await seeder.SeedAsync(300, seed: 7, cancel));
        Assert.Equal(20, await seeder.SeedAsync(20, seed: 7, cancel)); // a second run adds, never collides

        await using var db = await database.Contexts.CreateDbContextAsync(cancel);
        Assert.Equal(320, await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= TestContent.Now, cancel));
        Assert.Equal(10, await db.Sections.CountAsync(cancel));
        var averageBody = await db.ArticleBodies.AverageAsync(b => b.Markdown.Length, cancel);
        Assert.InRange(averageBody, 4_000, 7_000);
        Assert.Equal(0, await db.Articles.CountAsync(a => !db.ArticleAuthors.Any(x => x.ArticleId == a.Id), cancel));
    }
}

public sealed class SqliteGeneratedContentSeederTests(SqliteTestDatabase database) : GeneratedContentSeederTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlGeneratedContentSeederTests(PostgreSqlTestDatabase database) : GeneratedContentSeederTests<PostgreSqlTestDatabase>(database);
