using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.Testing;

/// <summary>Builders of test data that go through the same save-time rendering as real stories.</summary>
public static class TestContent
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Media URLs as the server builds them with nothing configured: root-relative.</summary>
    public static MediaUrls MediaUrls { get; } = new(Options.Create(new MediaOptions()));

    /// <summary>
    /// A library asset row; its bytes are the test's to write to a store when it needs them. The SHA-256 and storage id
    /// are made unique from the file name, so tests sharing a database only need distinct names.
    /// </summary>
    public static MediaAsset MediaAsset(
        string fileName, MediaKind kind = MediaKind.Image, string? altText = null, DateTime? uploadedAt = null, int? uploadedBy = null, int width = 2000, int height = 1000)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileName)));
        return new MediaAsset
        {
            StorageId = hash[..32],
            FileName = fileName,
            ContentType = kind switch { MediaKind.Image => "image/png", MediaKind.Video => "video/mp4", _ => "application/pdf" },
            Kind = kind,
            SizeBytes = 1234,
            Sha256 = hash,
            Width = kind == MediaKind.Image ? width : null,
            Height = kind == MediaKind.Image ? height : null,
            AltText = altText,
            UploadedByUserId = uploadedBy,
            UploadedAt = uploadedAt ?? Now,
            Version = 1,
        };
    }

    public static Section Section(string slug, Section? parent = null, int order = 0) =>
        new() { Slug = slug, Name = slug.Replace('-', ' '), Parent = parent, DisplayOrder = order };

    public static Author Author(string slug) => new() { Slug = slug, Name = slug.Replace('-', ' '), JobTitle = "Reporter" };

    public static Tag Tag(string slug) => new() { Slug = slug, Name = slug.Replace('-', ' ') };

    public static Sponsor Sponsor(
        string slug, SponsorTier tier = SponsorTier.Gold, int order = 0, DateTime? from = null, DateTime? until = null, SponsorPlacements placements = SponsorPlacements.None) =>
        new() { Slug = slug, Name = slug, Tier = tier, DisplayOrder = order, ActiveFrom = from, ActiveUntil = until, Placements = placements };

    public static Article Article(
        string slug,
        DateTime? publishedAt,
        Section? section = null,
        ArticleStatus status = ArticleStatus.Published,
        IEnumerable<Author>? authors = null,
        IEnumerable<Tag>? tags = null,
        Sponsor? sponsor = null,
        string markdown = "## Opening\n\nA short body for a test story.")
    {
        var article = new Article
        {
            Slug = slug,
            Title = $"Title of {slug}",
            Summary = $"Summary of {slug}",
            Section = section,
            Status = status,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt ?? Now,
            UpdatedAt = publishedAt ?? Now,
            Sponsor = sponsor,
            SponsorDisclosure = sponsor is null ? null : "Paid for by the sponsor.",
            Version = 1,
        };
        article.Authors = (authors ?? []).Select((author, position) => new ArticleAuthor { Author = author, Position = position }).ToList();
        article.Tags = (tags ?? []).Select(tag => new ArticleTag { Tag = tag }).ToList();
        article.SetBody(markdown, Renderer);
        return article;
    }

    public static async Task SaveAsync(this IDbContextFactory<NewsCmsDbContext> contexts, params object[] entities)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
