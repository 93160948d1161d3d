using NewsCms.Core.Media;

namespace NewsCms.Server.Media;

internal static class MediaRegistration
{
    /// <summary>
    /// Binds <c>NewsCms:Media</c> and picks the store. With nothing configured the bytes go to a folder beside the
    /// SQLite database, so the embedded default needs no Azure account.
    /// </summary>
    public static WebApplicationBuilder AddNewsCmsMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection(MediaOptions.SectionName));
        var rootPath = Path.Combine(
            builder.Environment.ContentRootPath,
            builder.Configuration[$"{MediaOptions.SectionName}:FileSystem:RootPath"]
                ?? Path.Combine(builder.Configuration["NewsCms:DataPath"] ?? "App_Data", "media"));
        builder.Services.AddSingleton<IMediaStore>(_ => new FileSystemMediaStore(rootPath));
        return builder;
    }
}
