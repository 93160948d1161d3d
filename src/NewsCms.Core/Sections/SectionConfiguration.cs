using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;

namespace NewsCms.Core.Sections;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Slug).HasMaxLength(Slugs.MaxLength);
        section.Property(x => x.Version).IsConcurrencyToken();
        section.HasIndex(s => s.Slug).IsUnique();
        section.Property(s => s.Name).HasMaxLength(Section.NameMaxLength);
        section.Property(s => s.Description).HasMaxLength(Section.DescriptionMaxLength);
        section.HasOne(s => s.Parent).WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        section.HasIndex(s => new { s.ParentId, s.DisplayOrder });
    }
}
