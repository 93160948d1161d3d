using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Content;
using NewsCms.Core.Routing;
using NewsCms.Core.Sections;
using NewsCms.Core.Seeding;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The core services. The database itself is registered by the host, which knows the provider.</summary>
    public static IServiceCollection AddNewsCmsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<SectionTree>();
        services.AddSingleton<PublishedArticles>();
        services.AddSingleton<AuthorDirectory>();
        services.AddSingleton<TagDirectory>();
        services.AddSingleton<SponsorDirectory>();
        services.AddSingleton<SectionEditor>();
        services.AddSingleton<AuthorEditor>();
        services.AddSingleton<TagEditor>();
        services.AddSingleton<SponsorEditor>();
        services.AddSingleton<RouteResolver>();
        services.AddSingleton<DemoContentSeeder>();
        services.AddSingleton<GeneratedContentSeeder>();
        return services;
    }
}
