using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;
using NewsCms.Core.Data;

namespace NewsCms.Core.Articles;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.ToTable("ArticleRevisions");
        revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        revision.Property(r => r.Actor).HasMaxLength(256);
        revision.Property(r => r.Operation).HasMaxLength(ArticleRevision.OperationMaxLength);
        revision.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
        revision.Property(r => r.Slug).HasMaxLength(Slugs.MaxLength);
        revision.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength);
        revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> redirect)
    {
        redirect.ToTable("ArticleSlugRedirects");
        redirect.HasKey(r => r.Slug);
        redirect.Property(r => r.Slug).HasMaxLength(Slugs.MaxLength);
        redirect.HasIndex(r => r.ArticleId);
        redirect.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleCorrectionConfiguration : IEntityTypeConfiguration<ArticleCorrection>
{
    public void Configure(EntityTypeBuilder<ArticleCorrection> correction)
    {
        correction.ToTable("ArticleCorrections");
        correction.Property(c => c.Kind).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        correction.Property(c => c.Text).HasMaxLength(ArticleCorrection.TextMaxLength);
        correction.HasIndex(c => new { c.ArticleId, c.Id });
        correction.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PreviewTokenConfiguration : IEntityTypeConfiguration<PreviewToken>
{
    public void Configure(EntityTypeBuilder<PreviewToken> token)
    {
        token.ToTable("PreviewTokens");
        token.HasIndex(t => t.ArticleId);
        token.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
