using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Sections;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Seeding;

/// <summary>
/// Fills a database with as many published articles as a benchmark needs, all generated from a seed so that two runs
/// with the same seed compare like with like. Safe to run on a database that already holds content: it reuses
/// sections, authors and tags by slug and numbers its articles past any it created before with the same seed.
/// </summary>
public sealed class GeneratedContentSeeder(IDbContextFactory<NewsCmsDbContext> contexts, MarkdownRenderer renderer, TimeProvider clock)
{
    /// <summary>Large enough to amortise round trips, small enough that the change tracker stays cheap.</summary>
    private const int BatchSize = 250;

    private const int MaxTitleSlugLength = 80;

    private static readonly TimeSpan PublishingWindow = TimeSpan.FromDays(365);

    /// <summary>Creates <paramref name="articleCount"/> published articles and returns how many it created.</summary>
    public async Task<int> SeedAsync(int articleCount, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articleCount);

        // The seed is part of every slug, and a slug has no place for a minus sign.
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        if (articleCount == 0)
        {
            return 0;
        }

        var now = ToWholeSeconds(clock.GetUtcNow().UtcDateTime);
        var newsroom = await EnsureNewsroomAsync(cancellationToken);
        var slugPrefix = string.Create(CultureInfo.InvariantCulture, $"gen-{seed}-");
        var takenNumbers = await TakenNumbersAsync(slugPrefix, cancellationToken);

        var random = new Random(seed);
        var writer = new GeneratedStoryWriter(random);
        var number = 0;
        var created = 0;
        while (created < articleCount)
        {
            var batchSize = Math.Min(BatchSize, articleCount - created);

            // A fresh context per batch keeps tracking cost flat; the graphs are new, so change detection has nothing to find.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < batchSize; i++)
            {
                do
                {
                    number++;
                }
                while (takenNumbers.Contains(number));

                db.Articles.Add(CreateArticle(writer.Write(), slugPrefix, number, random, newsroom, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            created += batchSize;
        }

        return created;
    }

    private Article CreateArticle(GeneratedStory story, string slugPrefix, int number, Random random, NewsroomIds newsroom, DateTime now)
    {
        var publishedAt = now - TimeSpan.FromSeconds(random.NextInt64((long)PublishingWindow.TotalSeconds));
        var article = new Article
        {
            Slug = string.Create(CultureInfo.InvariantCulture, $"{slugPrefix}{number}-{TitleSlug(story.Title)}"),
            Title = story.Title,
            Kicker = story.Kicker,
            Summary = story.Summary,
            SectionId = random.Pick(newsroom.SectionIds),
            Status = ArticleStatus.Published,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt.AddMinutes(-random.Next(30, 600)),
            UpdatedAt = publishedAt,
            Version = 1,
            Authors = random.PickDistinct(newsroom.AuthorIds, random.Next(1, 3))
                .Select((authorId, position) => new ArticleAuthor { AuthorId = authorId, Position = position })
                .ToList(),
            Tags = random.PickDistinct(newsroom.TagIds, random.Next(1, 4))
                .Select(tagId => new ArticleTag { TagId = tagId })
                .ToList(),
        };
        article.SetBody(story.Markdown, renderer);
        return article;
    }

    /// <summary>Creates whatever sections, authors and tags of the generated newsroom are missing, and returns all their ids.</summary>
    private async Task<NewsroomIds> EnsureNewsroomAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var sectionSlugs = GeneratedNewsroom.Sections.Select(s => s.Slug).ToList();
        var sections = await db.Sections.Where(s => sectionSlugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var (slug, name, parentSlug, displayOrder) in GeneratedNewsroom.Sections.Where(s => !sections.ContainsKey(s.Slug)))
        {
            var section = new Section
            {
                Slug = slug,
                Name = name,
                Parent = parentSlug is null ? null : sections[parentSlug],
                DisplayOrder = displayOrder,
            };
            db.Sections.Add(section);
            sections[slug] = section;
        }

        var authorSlugs = GeneratedNewsroom.Authors.Select(a => a.Slug).ToList();
        var authors = await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, cancellationToken);
        foreach (var (slug, name, jobTitle) in GeneratedNewsroom.Authors.Where(a => !authors.ContainsKey(a.Slug)))
        {
            var author = new Author { Slug = slug, Name = name, JobTitle = jobTitle, Bio = $"{name} is our {jobTitle.ToLowerInvariant()}." };
            db.Authors.Add(author);
            authors[slug] = author;
        }

        var tagSlugs = GeneratedNewsroom.Tags.Select(t => t.Slug).ToList();
        var tags = await db.Tags.Where(t => tagSlugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var (slug, name) in GeneratedNewsroom.Tags.Where(t => !tags.ContainsKey(t.Slug)))
        {
            var tag = new Tag { Slug = slug, Name = name };
            db.Tags.Add(tag);
            tags[slug] = tag;
        }

        await db.SaveChangesAsync(cancellationToken);

        // In catalogue order, not database order, so that a seed picks the same desks whatever ids they were given.
        return new NewsroomIds(
            sectionSlugs.Select(slug => sections[slug].Id).ToList(),
            authorSlugs.Select(slug => authors[slug].Id).ToList(),
            tagSlugs.Select(slug => tags[slug].Id).ToList());
    }

    /// <summary>The article numbers an earlier run with the same seed already used.</summary>
    private async Task<HashSet<int>> TakenNumbersAsync(string slugPrefix, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slugs = await db.Articles.Where(a => a.Slug.StartsWith(slugPrefix)).Select(a => a.Slug).ToListAsync(cancellationToken);
        var taken = new HashSet<int>();
        foreach (var slug in slugs)
        {
            var rest = slug.AsSpan(slugPrefix.Length);
            var end = rest.IndexOf('-');
            if (int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                taken.Add(number);
            }
        }

        return taken;
    }

    /// <summary>Lowercase words joined by hyphens, cut at a word boundary so that slugs stay readable.</summary>
    private static string TitleSlug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var character in title)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(char.ToLowerInvariant(character));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        if (text.Length <= MaxTitleSlugLength)
        {
            return text;
        }

        var cut = text.LastIndexOf('-', MaxTitleSlugLength);
        return text[..(cut > 0 ? cut : MaxTitleSlugLength)];
    }

    /// <summary>Whole seconds survive every provider's date precision, so keyset cursors over these rows round-trip exactly.</summary>
    private static DateTime ToWholeSeconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private sealed record NewsroomIds(IReadOnlyList<int> SectionIds, IReadOnlyList<int> AuthorIds, IReadOnlyList<int> TagIds);
}
