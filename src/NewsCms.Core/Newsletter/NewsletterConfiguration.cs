using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Content;
using NewsCms.Core.Data;

namespace NewsCms.Core.Newsletter;

internal sealed class NewsletterListConfiguration : IEntityTypeConfiguration<NewsletterList>
{
    public void Configure(EntityTypeBuilder<NewsletterList> list)
    {
        list.ToTable("NewsletterLists");
        list.Property(l => l.Slug).HasMaxLength(Slugs.MaxLength);
        list.HasIndex(l => l.Slug).IsUnique();
        list.Property(l => l.Name).HasMaxLength(NewsletterList.NameMaxLength);
        list.Property(l => l.Description).HasMaxLength(NewsletterList.DescriptionMaxLength);
        // In the migration, so that the sign-up form works on a fresh database before anyone seeds anything. A negative
        // id: PostgreSQL's identity does not move past seeded rows, so id 1 would be the first list staff create.
        list.HasData(new NewsletterList
        {
            Id = -1,
            Slug = NewsletterList.WeeklySlug,
            Name = "The weekly newsletter",
            Description = "The week's business news in one message, every Friday.",
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
    }
}

internal sealed class NewsletterSubscriptionConfiguration : IEntityTypeConfiguration<NewsletterSubscription>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscription> subscription)
    {
        subscription.ToTable("NewsletterSubscriptions");
        subscription.Property(s => s.Email).HasMaxLength(NewsletterSubscription.EmailMaxLength);
        subscription.Property(s => s.Source).HasMaxLength(NewsletterSubscription.SourceMaxLength);
        subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        subscription.Property(s => s.Version).IsConcurrencyToken();
        subscription.HasOne<NewsletterList>().WithMany().HasForeignKey(s => s.ListId).OnDelete(DeleteBehavior.Restrict);
        subscription.HasIndex(s => new { s.ListId, s.Email }).IsUnique();
        // Erasure and sign-up find every list of one address.
        subscription.HasIndex(s => s.Email);
        // Staff counts and filters per list and status.
        subscription.HasIndex(s => new { s.ListId, s.Status });
    }
}
