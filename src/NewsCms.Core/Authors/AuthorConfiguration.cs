using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;
using NewsCms.Core.Media;

namespace NewsCms.Core.Authors;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength);
        author.Property(x => x.Version).IsConcurrencyToken();
        author.HasIndex(a => a.Slug).IsUnique();
        author.Property(a => a.Name).HasMaxLength(Author.NameMaxLength);
        author.Property(a => a.JobTitle).HasMaxLength(Author.JobTitleMaxLength);
        author.Property(a => a.Bio).HasMaxLength(Author.BioMaxLength);
        author.HasOne<MediaAsset>().WithMany().HasForeignKey(a => a.AvatarMediaId).OnDelete(DeleteBehavior.Restrict);
    }
}
