using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsCms.Core.Applications;
using NewsCms.Core.Articles;
using NewsCms.Core.Audit;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Jobs;
using NewsCms.Core.Mail;
using NewsCms.Core.Media;
using NewsCms.Core.Newsletter;
using NewsCms.Core.PublicForms;
using NewsCms.Core.Routing;
using NewsCms.Core.Sections;
using NewsCms.Core.Seeding;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.Core.Tags;

namespace NewsCms.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The core services. The database itself is registered by the host, which knows the provider.</summary>
    public static IServiceCollection AddNewsCmsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // What several server processes must share has a one-process default; the host may register a shared one
        // (NewsCms.Redis) before or after this.
        services.TryAddSingleton<ICacheInvalidation, InProcessCacheInvalidation>();
        services.TryAddSingleton<ISubmissionCounter, InProcessSubmissionCounter>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<SectionTree>();
        services.AddSingleton<PublishedArticles>();
        services.AddSingleton<EditorialArticles>();
        services.AddSingleton<ArticleEditor>();
        services.AddSingleton<ArticlePublisher>();
        services.AddSingleton<ArticleRevisions>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddSingleton<ServerSecretStore>();
        services.AddSingleton<ArticlePreviews>();
        services.AddOptions<PreviewOptions>();
        services.AddSingleton<AuthorDirectory>();
        services.AddSingleton<TagDirectory>();
        services.AddSingleton<SponsorDirectory>();
        services.AddSingleton<SectionEditor>();
        services.AddSingleton<AuthorEditor>();
        services.AddSingleton<TagEditor>();
        services.AddSingleton<SponsorEditor>();
        services.AddSingleton<RouteResolver>();
        services.AddSingleton<ArticleCorrections>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<StaffPasskeys>();
        services.AddSingleton<AuditLogReader>();
        services.AddOptions<MediaOptions>();
        services.AddSingleton<MediaUrls>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<MediaRenditions>();
        services.AddSingleton<MediaEditor>();
        services.AddSingleton<MediaUploads>();
        services.AddSingleton<OrphanMediaSweeper>();
        services.AddSingleton<SubmissionThrottle>();
        services.AddOptions<OutboxSendingOptions>();
        services.AddSingleton<OutboxSender>();
        services.AddOptions<ApplicationOptions>();
        services.AddSingleton<ApplicationIntake>();
        services.AddSingleton<ApplicationReview>();
        services.AddSingleton<ApplicationRetention>();
        services.AddSingleton<NewsletterSubscriptions>();
        services.AddOptions<NewsletterOptions>();
        AddIdentity(services);
        services.AddSingleton<DemoContentSeeder>();
        services.AddSingleton<GeneratedContentSeeder>();
        return services;
    }

    /// <summary>
    /// Identity's user manager and stores. They want a scoped context, which comes from the same pooled factory the
    /// rest of the core uses.
    /// </summary>
    private static void AddIdentity(IServiceCollection services)
    {
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<NewsCmsDbContext>>().CreateDbContext());
        services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<NewsCmsDbContext>();
    }
}
