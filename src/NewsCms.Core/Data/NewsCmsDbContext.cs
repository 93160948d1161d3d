using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Applications;
using NewsCms.Core.Articles;
using NewsCms.Core.Audit;
using NewsCms.Core.Authors;
using NewsCms.Core.Jobs;
using NewsCms.Core.Mail;
using NewsCms.Core.Media;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Data;

/// <summary>
/// One model for every provider, staff accounts included. Each provider project holds its own migrations of it;
/// services create short-lived contexts through <see cref="IDbContextFactory{TContext}"/> because GraphQL resolvers
/// run concurrently. It also keeps ASP.NET's data-protection keys, so that every server process on the database reads
/// the cookies and antiforgery tokens any of them made.
/// </summary>
public sealed class NewsCmsDbContext : IdentityDbContext<StaffUser, IdentityRole<int>, int>, IDataProtectionKeyContext
{
    public NewsCmsDbContext(DbContextOptions<NewsCmsDbContext> options)
        : base(options) => SavingChanges += RefuseAuditRewrites;

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleBody> ArticleBodies => Set<ArticleBody>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<PreviewToken> PreviewTokens => Set<PreviewToken>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ServerSecret> ServerSecrets => Set<ServerSecret>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<ArticleMediaReference> ArticleMediaReferences => Set<ArticleMediaReference>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<SpeakerApplication> SpeakerApplications => Set<SpeakerApplication>();
    public DbSet<PartnerApplication> PartnerApplications => Set<PartnerApplication>();
    public DbSet<ApplicationNote> ApplicationNotes => Set<ApplicationNote>();
    public DbSet<NewsletterList> NewsletterLists => Set<NewsletterList>();
    public DbSet<NewsletterSubscription> NewsletterSubscriptions => Set<NewsletterSubscription>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsCmsDbContext).Assembly);
        builder.Entity<ServerSecret>(secret =>
        {
            secret.ToTable("ServerSecrets");
            secret.HasKey(s => s.Name);
            secret.Property(s => s.Name).HasMaxLength(ServerSecret.NameMaxLength);
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; the providers hand them back unspecified, which would make comparisons with the clock lie.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>The audit log is append-only for every caller of this context, not just for the API.</summary>
    private void RefuseAuditRewrites(object? sender, SavingChangesEventArgs e)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are never changed or deleted.");
        }
    }
}
