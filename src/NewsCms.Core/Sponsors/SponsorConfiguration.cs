using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;

namespace NewsCms.Core.Sponsors;

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> sponsor)
    {
        sponsor.Property(s => s.Slug).HasMaxLength(Slugs.MaxLength);
        sponsor.Property(x => x.Version).IsConcurrencyToken();
        sponsor.HasIndex(s => s.Slug).IsUnique();
        sponsor.Property(s => s.Name).HasMaxLength(Sponsor.NameMaxLength);
        sponsor.Property(s => s.WebsiteUrl).HasMaxLength(Sponsor.WebsiteUrlMaxLength);
        sponsor.Property(s => s.TrackingUrl).HasMaxLength(Sponsor.TrackingUrlMaxLength);
        sponsor.Property(s => s.Description).HasMaxLength(Sponsor.DescriptionMaxLength);
        // Flags stay a number, unlike the other enums, so that the placement filter is one bitwise test in SQL.
        sponsor.Property(s => s.Placements).HasConversion<int>();
        sponsor.Property(s => s.Tier).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        sponsor.HasIndex(s => s.DisplayOrder);
        sponsor.HasOne<MediaAsset>().WithMany().HasForeignKey(s => s.LogoMediaId).OnDelete(DeleteBehavior.Restrict);
    }
}
