using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;

namespace NewsCms.Core.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Slug).HasMaxLength(Slugs.MaxLength);
        tag.Property(x => x.Version).IsConcurrencyToken();
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
    }
}
