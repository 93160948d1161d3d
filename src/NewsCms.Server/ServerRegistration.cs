using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsCms.Admin;
using NewsCms.Core;
using NewsCms.Core.Applications;
using NewsCms.Core.Articles;
using NewsCms.Core.Newsletter;
using NewsCms.GraphQL;
using NewsCms.Redis;
using NewsCms.Server.Applications;
using NewsCms.Server.Authentication;
using NewsCms.Server.Database;
using NewsCms.Server.Hosting;
using NewsCms.Server.Health;
using NewsCms.Server.Mail;
using NewsCms.Server.Media;
using NewsCms.Server.Newsletter;
using NewsCms.Server.Observability;
using NewsCms.Server.Publishing;

namespace NewsCms.Server;

internal static partial class ServerRegistration
{
    public static WebApplicationBuilder AddNewsCmsServer(this WebApplicationBuilder builder)
    {
        builder.AddNewsCmsObservability();
        builder.Services.AddNewsCmsCore();
        builder.Services.AddOptions<PreviewOptions>()
            .Bind(builder.Configuration.GetSection(PreviewOptions.SectionName))
            .Validate(preview => preview.HasUsableSigningKey, PreviewOptions.InvalidKeyMessage)
            .ValidateOnStart();
        builder.Services.AddOptions<NewsletterOptions>().Bind(builder.Configuration.GetSection(NewsletterOptions.SectionName));
        builder.AddNewsCmsDatabase();
        builder.AddNewsCmsReplicas();
        // Only with ConnectionStrings:Redis: the counts and invalidations the replicas share.
        builder.Services.AddNewsCmsRedis(builder.Configuration);
        builder.AddNewsCmsForwardedHeaders();
        builder.AddNewsCmsPublishing();
        builder.Services.AddOptions<ApplicationOptions>().Bind(builder.Configuration.GetSection(ApplicationOptions.SectionName));
        builder.Services.AddHostedService<ApplicationRetentionService>();
        builder.AddNewsCmsAuthentication();
        builder.AddNewsCmsMedia();
        builder.AddNewsCmsMail();
        builder.Services.AddNewsCmsGraphQL(builder.Configuration, exposeExceptionDetails: builder.Environment.IsDevelopment());
        builder.Services.AddNewsCmsAdmin();
        builder.AddNewsCmsHealth();
        return builder;
    }

    public static WebApplication UseNewsCmsServer(this WebApplication app)
    {
        // First, so that everything after it (the limits on public forms, secure cookies, sign-in) sees the client.
        app.UseForwardedHeaders();
        app.MapNewsCmsHealth();
        app.UseNewsCmsAuthentication();
        app.MapNewsCmsSignIn();
        app.MapNewsCmsGraphQL();
        app.MapNewsCmsMedia();
        app.MapNewsCmsNewsletter();
        app.MapNewsCmsAdmin();
        app.MapGet("/", () => Results.Text("NewsCms: GraphQL answers at /graphql; the newsroom signs in at /admin.\n")).ExcludeFromDescription();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceEndpoints(app));
        return app;
    }

    private static void AnnounceEndpoints(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var path = app.Configuration[$"{GraphQLEndpointOptions.SectionName}:Path"] ?? "/graphql";
        foreach (var address in addresses)
        {
            LogGraphQLAddress(app.Logger, $"{address.TrimEnd('/')}{path}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NewsCms GraphQL answers at {Address}")]
    private static partial void LogGraphQLAddress(ILogger logger, string address);
}
