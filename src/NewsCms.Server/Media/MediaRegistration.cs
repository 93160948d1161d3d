using NewsCms.Core.Media;
using NewsCms.Media.Azure;

namespace NewsCms.Server.Media;

internal static class MediaRegistration
{
    private const string AzureSection = $"{MediaOptions.SectionName}:AzureBlob";

    /// <summary>
    /// Binds <c>NewsCms:Media</c> and picks the store. With nothing configured the bytes go to a folder beside the
    /// SQLite database, so the embedded default needs no Azure account. A store that is misconfigured stops the server
    /// here, before it serves anything, with the setting to fix.
    /// </summary>
    public static WebApplicationBuilder AddNewsCmsMedia(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MediaOptions.SectionName);
        builder.Services.AddOptions<MediaOptions>().Bind(section);
        builder.Services.AddOptions<MediaStorageOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var storage = ReadStorageOptions(section);
        if (storage.Store == MediaStoreKind.AzureBlob)
        {
            builder.Services.AddSingleton<IMediaStore>(AzureStore(storage.AzureBlob));
        }
        else
        {
            var configuredRoot = storage.FileSystem.RootPath;
            var rootPath = Path.Combine(
                builder.Environment.ContentRootPath,
                string.IsNullOrWhiteSpace(configuredRoot) ? Path.Combine(builder.Configuration["NewsCms:DataPath"] ?? "App_Data", "media") : configuredRoot);
            builder.Services.AddSingleton<IMediaStore>(_ => new FileSystemMediaStore(rootPath));
        }

        builder.Services.AddHostedService<OrphanSweepService>();
        return builder;
    }

    /// <summary>The binder's own error for a misspelt store names a type; this one names the choices.</summary>
    private static MediaStorageOptions ReadStorageOptions(IConfigurationSection section)
    {
        var store = section["Store"];
        if (!string.IsNullOrWhiteSpace(store) && !Enum.TryParse<MediaStoreKind>(store, ignoreCase: true, out _))
        {
            throw new InvalidOperationException(
                $"{MediaOptions.SectionName}:Store is '{store}'; it must be one of {string.Join(", ", Enum.GetNames<MediaStoreKind>())}.");
        }

        return section.Get<MediaStorageOptions>() ?? new MediaStorageOptions();
    }

    private static AzureBlobMediaStore AzureStore(AzureBlobStoreSettings settings)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(settings.ConnectionString);
        var hasAccountUrl = !string.IsNullOrWhiteSpace(settings.AccountUrl);
        if (hasConnectionString == hasAccountUrl)
        {
            throw new InvalidOperationException(
                $"{MediaOptions.SectionName}:Store is AzureBlob, which needs exactly one of {AzureSection}:ConnectionString " +
                $"and {AzureSection}:AccountUrl (environment variables NewsCms__Media__AzureBlob__ConnectionString or " +
                $"NewsCms__Media__AzureBlob__AccountUrl){(hasConnectionString ? "; both are set" : "")}.");
        }

        if (!AzureBlobMediaStore.IsValidContainerName(settings.Container))
        {
            throw new InvalidOperationException(
                $"{AzureSection}:Container is '{settings.Container}', which Azure refuses: 3 to 63 lower-case letters, digits " +
                "and single hyphens, starting and ending with a letter or digit.");
        }

        if (hasConnectionString)
        {
            try
            {
                return AzureBlobMediaStore.FromConnectionString(settings.ConnectionString!, settings.Container);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new InvalidOperationException($"{AzureSection}:ConnectionString is not a storage connection string: {e.Message}", e);
            }
        }

        if (!Uri.TryCreate(settings.AccountUrl, UriKind.Absolute, out var accountUrl) || accountUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                $"{AzureSection}:AccountUrl is '{settings.AccountUrl}'; it must be the account's https URL, such as https://newscms.blob.core.windows.net.");
        }

        return AzureBlobMediaStore.FromAccountUrl(accountUrl, settings.Container);
    }
}
