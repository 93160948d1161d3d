using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Seeding;

/// <summary>
/// Fills an empty database with a small newsroom so that a fresh install, a demo or an integration test has something
/// realistic to show: nested sections, bylines, tags, sponsors, a breaking story, a sponsored story, a draft and a
/// scheduled story.
/// </summary>
public sealed class DemoContentSeeder(IDbContextFactory<NewsCmsDbContext> contexts, MarkdownRenderer renderer, TimeProvider clock)
{
    /// <summary>Seeds only when there are neither sections nor articles; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        var now = ToWholeMinutes(clock.GetUtcNow().UtcDateTime);
        var sections = DemoNewsroom.CreateSections();
        var authors = DemoNewsroom.CreateAuthors();
        var tags = DemoNewsroom.CreateTags();
        var sponsors = DemoNewsroom.CreateSponsors(now);
        var newsroom = new Newsroom(
            sections.ToDictionary(s => s.Slug),
            authors.ToDictionary(a => a.Slug),
            tags.ToDictionary(t => t.Slug),
            sponsors.ToDictionary(s => s.Slug));
        var articles = DemoArticles.All.Select(story => CreateArticle(story, newsroom, now)).ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Sections.AddRange(sections);
        db.Authors.AddRange(authors);
        db.Tags.AddRange(tags);
        db.Sponsors.AddRange(sponsors);
        db.Articles.AddRange(articles);

        // One SaveChanges is one transaction: a crash part-way leaves the database empty, and the next start tries again.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two instances starting together both see an empty database; the unique slugs let only one of them win.
            if (await IsEmptyAsync(cancellationToken))
            {
                throw;
            }

            return false;
        }

        return true;
    }

    private async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.Sections.AnyAsync(cancellationToken) && !await db.Articles.AnyAsync(cancellationToken);
    }

    private Article CreateArticle(DemoArticle story, Newsroom newsroom, DateTime now)
    {
        var publishedAt = now + story.PublishedRelativeToNow;

        // Stories not yet out were last edited shortly before seeding; the rest were last touched when they went live.
        var lastEdited = publishedAt is { } at && at <= now ? at : now.AddHours(-1);
        var article = new Article
        {
            Slug = story.Slug,
            Title = story.Title,
            Kicker = story.Kicker,
            Summary = story.Summary,
            MetaDescription = story.MetaDescription,
            Section = newsroom.Sections[story.SectionSlug],
            Status = story.Status,
            PublishedAt = publishedAt,
            CreatedAt = lastEdited.AddHours(-3),
            UpdatedAt = lastEdited,
            IsBreaking = story.BreakingFor is not null,
            BreakingUntil = now + story.BreakingFor,
            Sponsor = story.SponsorSlug is null ? null : newsroom.Sponsors[story.SponsorSlug],
            SponsorDisclosure = story.SponsorDisclosure,
            Version = 1,
            Authors = story.AuthorSlugs
                .Select((slug, position) => new ArticleAuthor { Author = newsroom.Authors[slug], Position = position })
                .ToList(),
            Tags = story.TagSlugs.Select(slug => new ArticleTag { Tag = newsroom.Tags[slug] }).ToList(),
        };

        // After the sponsor is set, so that links in sponsored bodies are rendered as sponsored.
        article.SetBody(story.Markdown, renderer);
        return article;
    }

    /// <summary>
    /// Newsrooms publish to the minute, and whole minutes survive every provider's date precision unchanged, so a
    /// test comparing a seeded time with one read back is not tripped by sub-microsecond ticks.
    /// </summary>
    private static DateTime ToWholeMinutes(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private sealed record Newsroom(
        IReadOnlyDictionary<string, Section> Sections,
        IReadOnlyDictionary<string, Author> Authors,
        IReadOnlyDictionary<string, Tag> Tags,
        IReadOnlyDictionary<string, Sponsor> Sponsors);
}
