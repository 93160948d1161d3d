using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Data;
using NewsCms.Core.Sponsors;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Infrastructure;

/// <summary>A newsroom big enough for a 100-story page, with every kind of reference and every hidden state.</summary>
public static class ApiNewsroom
{
    public const int PublishedCount = 121;

    public static async Task SeedAsync(IDbContextFactory<NewsCmsDbContext> contexts)
    {
        var now = TestContent.Now;
        var technology = TestContent.Section("technology", order: 1);
        var cyber = TestContent.Section("cybersecurity", technology, order: 1);
        var markets = TestContent.Section("markets", order: 2);
        var authors = Enumerable.Range(0, 6).Select(i => TestContent.Author($"author-{i}")).ToList();
        var tags = Enumerable.Range(0, 8).Select(i => TestContent.Tag($"tag-{i}")).ToList();
        var sponsor = TestContent.Sponsor("ecredo", SponsorTier.Gold, order: 2);
        var platinum = TestContent.Sponsor("uol", SponsorTier.Platinum, order: 1);
        var expired = TestContent.Sponsor("expired-sponsor", SponsorTier.Gold, order: 0, until: now.AddDays(-1));

        var stories = new List<object> { platinum, expired };
        for (var i = 0; i < 120; i++)
        {
            var section = (i % 3) switch { 0 => technology, 1 => cyber, _ => markets };
            stories.Add(TestContent.Article(
                $"story-{i:D3}",
                now.AddMinutes(-10 * (i + 1)),
                section,
                authors: [authors[i % 6], authors[(i + 1) % 6]],
                tags: [tags[i % 8], tags[(i + 3) % 8]],
                sponsor: i % 10 == 0 ? sponsor : null,
                markdown: $"## Why it matters\n\nStory {i} explains a [market move](https://example.com/{i}).\n\n## What comes next\n\n> A quote.\n"));
        }

        var breaking = TestContent.Article("breaking-now", now.AddMinutes(-1), technology, authors: [authors[0]]);
        breaking.IsBreaking = true;
        breaking.BreakingUntil = now.AddHours(1);
        breaking.Kicker = "Breaking news";
        stories.Add(breaking);

        var stale = TestContent.Article("breaking-yesterday", now.AddDays(-1), markets, authors: [authors[1]]);
        stale.IsBreaking = true;
        stale.BreakingUntil = now.AddHours(-2);
        stories.Add(stale);

        stories.Add(TestContent.Article("draft-story", null, technology, ArticleStatus.Draft, authors: [authors[0]], markdown: "SECRET DRAFT BODY"));
        stories.Add(TestContent.Article("scheduled-story", now.AddHours(3), technology, ArticleStatus.Scheduled, authors: [authors[0]]));
        stories.Add(TestContent.Article("unpublished-story", now.AddDays(-2), technology, ArticleStatus.Unpublished, authors: [authors[0]]));
        await contexts.SaveAsync([.. stories]);
    }
}
