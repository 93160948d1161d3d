using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsCms.GraphQL.Applications;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Execution;
using NewsCms.GraphQL.Http;
using NewsCms.GraphQL.Loading;

namespace NewsCms.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddNewsCmsGraphQL(this IServiceCollection services, IConfiguration configuration, bool exposeExceptionDetails)
    {
        services.AddOptions<GraphQLEndpointOptions>().Bind(configuration.GetSection(GraphQLEndpointOptions.SectionName));
        var endpointOptions = configuration.GetSection(GraphQLEndpointOptions.SectionName).Get<GraphQLEndpointOptions>() ?? new();

        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<UnhandledExceptionHandler>();

        // Per request: a loader's memory must not outlive the caller whose visibility it was filled with.
        services.AddScoped<SectionByIdLoader>();
        services.AddScoped<SectionChildrenLoader>();
        services.AddScoped<PublishedArticleByIdLoader>();
        services.AddScoped<ArticleBodyLoader>();
        services.AddScoped<PublicArticleBodyLoader>();
        services.AddScoped<BylinesByArticleLoader>();
        services.AddScoped<TagsByArticleLoader>();
        services.AddScoped<CorrectionsByArticleLoader>();
        services.AddScoped<AuthorByIdLoader>();
        services.AddScoped<MediaAssetByIdLoader>();
        services.AddScoped<TagByIdLoader>();
        services.AddScoped<SponsorByIdLoader>();
        services.AddScoped<StaffEmailByIdLoader>();
        services.AddScoped<ApplicationNotesLoader>();

        services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<NewsCmsSchema>()
                .AddGraphTypes(typeof(NewsCmsSchema).Assembly)
                .AddSystemTextJson()
                .AddErrorInfoProvider(_ => new CodedErrorInfoProvider(exposeExceptionDetails))
                .AddUnhandledExceptionHandler(context =>
                    context.ExecutionOptions.RequestServices!.GetRequiredService<UnhandledExceptionHandler>().Handle(context))
                .AddComplexityAnalyzer((complexity, provider) =>
                {
                    var limits = provider.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                    complexity.MaxDepth = limits.MaxDepth;
                    complexity.MaxComplexity = limits.MaxComplexity;
                    var storyImpact = complexity.DefaultComplexityImpactDelegate;
                    complexity.DefaultComplexityImpactDelegate = field => IsIntrospection(field) ? new FieldComplexityResult(0, 1) : storyImpact(field);
                })
                .UsePersistedDocuments<FolderPersistedDocuments>(global::GraphQL.DI.ServiceLifetime.Singleton, (persisted, provider) =>
                    persisted.AllowOnlyPersistedDocuments = provider.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value.AllowOnlyPersistedDocuments);
            graphQL.AddValidationRule<AccessRule>(useForCachedDocuments: true);
            graphQL.Services.Register<IConfigureExecution, ValidatedDocumentCache>(global::GraphQL.DI.ServiceLifetime.Singleton);
            graphQL.Services.Register<IConfigureExecution, GraphQLOperationTelemetry>(global::GraphQL.DI.ServiceLifetime.Singleton);

            if (!endpointOptions.EnableIntrospection)
            {
                graphQL.AddValidationRule<NoIntrospectionValidationRule>();
            }
        });

        return services;
    }

    /// <summary>
    /// IDEs and code generators send graphql-js's standard introspection query, whose nested lists would otherwise
    /// look as costly as hundreds of thousands of stories. Introspection reads the schema in memory, so it costs
    /// nothing here; the depth limit still bounds it.
    /// </summary>
    private static bool IsIntrospection(FieldImpactContext field) =>
        field.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal);

    public static IEndpointConventionBuilder MapNewsCmsGraphQL(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value.Path;
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        return endpoints.Map(path, endpoint.HandleAsync).WithDisplayName("GraphQL");
    }
}
