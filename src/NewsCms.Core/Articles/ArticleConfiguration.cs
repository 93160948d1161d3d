using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;

namespace NewsCms.Core.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength);
        article.HasIndex(a => a.Slug).IsUnique();
        article.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength);
        article.Property(a => a.Kicker).HasMaxLength(Article.KickerMaxLength);
        article.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        article.Property(a => a.Status).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        article.Property(a => a.MetaTitle).HasMaxLength(Article.MetaTitleMaxLength);
        article.Property(a => a.MetaDescription).HasMaxLength(Article.MetaDescriptionMaxLength);
        article.Property(a => a.CanonicalUrl).HasMaxLength(Article.UrlMaxLength);
        article.Property(a => a.SponsorDisclosure).HasMaxLength(Article.DisclosureMaxLength);
        article.Property(a => a.Version).IsConcurrencyToken();

        // The public list walks this index backwards: status first, then newest first, id as the tie-breaker.
        article.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt });

        // The newsroom's list (EditorialArticles) walks these backwards: last change first, id as the tie-breaker. The
        // second serves its status filter, where a review queue of a handful of stories would otherwise be found by
        // scanning past the whole archive.
        article.HasIndex(a => new { a.UpdatedAt, a.Id });
        article.HasIndex(a => new { a.Status, a.UpdatedAt, a.Id });

        article.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.Sponsor).WithMany().HasForeignKey(a => a.SponsorId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne<MediaAsset>().WithMany().HasForeignKey(a => a.HeroImageId).OnDelete(DeleteBehavior.Restrict);
        article.Property(a => a.HeroImageAlt).HasMaxLength(MediaAsset.AltTextMaxLength);
        article.Property(a => a.HeroImageCaption).HasMaxLength(MediaAsset.CaptionMaxLength);
        article.HasOne(a => a.Body).WithOne().HasForeignKey<ArticleBody>(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.HasMany(a => a.Authors).WithOne().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.HasMany(a => a.Tags).WithOne().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleBodyConfiguration : IEntityTypeConfiguration<ArticleBody>
{
    public void Configure(EntityTypeBuilder<ArticleBody> body)
    {
        body.ToTable("ArticleBodies");
        body.HasKey(b => b.ArticleId);
        body.Property(b => b.Outline)
            .HasConversion(
                outline => JsonSerializer.Serialize(outline, OutlineJson.Options),
                json => JsonSerializer.Deserialize<List<OutlineEntry>>(json, OutlineJson.Options) ?? new List<OutlineEntry>(),
                new ValueComparer<IReadOnlyList<OutlineEntry>>(
                    (left, right) => left!.SequenceEqual(right!),
                    outline => outline.Aggregate(0, (hash, entry) => HashCode.Combine(hash, entry)),
                    outline => outline.ToList()));
    }

    private static class OutlineJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> byline)
    {
        byline.ToTable("ArticleAuthors");
        byline.HasKey(x => new { x.ArticleId, x.AuthorId });
        byline.HasIndex(x => x.AuthorId);
        byline.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> tagging)
    {
        tagging.ToTable("ArticleTags");
        tagging.HasKey(x => new { x.ArticleId, x.TagId });
        tagging.HasIndex(x => x.TagId);
        tagging.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}
