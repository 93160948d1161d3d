namespace NewsCms.Server.Publishing;

internal static class PublishingRegistration
{
    /// <summary>The scheduled-publishing job; registered after the database so that it starts on a migrated one.</summary>
    public static IHostApplicationBuilder AddNewsCmsPublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublishingOptions>()
            .Bind(builder.Configuration.GetSection(PublishingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<ScheduledPublishingService>();
        return builder;
    }
}
