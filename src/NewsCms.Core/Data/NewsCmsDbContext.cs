using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.Core.Data;

/// <summary>
/// One model for every provider. Each provider project holds its own migrations of it; services create short-lived
/// contexts through <see cref="IDbContextFactory{TContext}"/> because GraphQL resolvers run concurrently.
/// </summary>
public sealed class NewsCmsDbContext(DbContextOptions<NewsCmsDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleBody> ArticleBodies => Set<ArticleBody>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsCmsDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; the providers hand them back unspecified, which would make comparisons with the clock lie.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
