using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Articles;

namespace NewsCms.Core.Media;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public const int StorageIdMaxLength = 32;

    public void Configure(EntityTypeBuilder<MediaAsset> asset)
    {
        asset.ToTable("MediaAssets");
        asset.Property(a => a.StorageId).HasMaxLength(StorageIdMaxLength);
        asset.HasIndex(a => a.StorageId).IsUnique();
        asset.Property(a => a.Sha256).HasMaxLength(64);
        asset.HasIndex(a => a.Sha256).IsUnique();
        asset.Property(a => a.FileName).HasMaxLength(MediaAsset.FileNameMaxLength);
        asset.Property(a => a.ContentType).HasMaxLength(MediaAsset.ContentTypeMaxLength);
        asset.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        asset.Property(a => a.AltText).HasMaxLength(MediaAsset.AltTextMaxLength);
        asset.Property(a => a.Caption).HasMaxLength(MediaAsset.CaptionMaxLength);
        asset.Property(a => a.Credit).HasMaxLength(MediaAsset.CreditMaxLength);
        asset.Property(a => a.Version).IsConcurrencyToken();
        // Staff lists run newest first, keyset on (time, id).
        asset.HasIndex(a => new { a.UploadedAt, a.Id });
    }
}

internal sealed class ArticleMediaReferenceConfiguration : IEntityTypeConfiguration<ArticleMediaReference>
{
    public void Configure(EntityTypeBuilder<ArticleMediaReference> reference)
    {
        reference.ToTable("ArticleMediaReferences");
        reference.HasKey(r => new { r.ArticleId, r.MediaAssetId });
        reference.HasIndex(r => r.MediaAssetId);
        reference.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: an asset in use is never deleted from under a story.
        reference.HasOne<MediaAsset>().WithMany().HasForeignKey(r => r.MediaAssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
