using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Media;
using NewsCms.Media.Azure;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Storage;

namespace NewsCms.Api.Tests.Media;

/// <summary>The store the server picks from its configuration, and its refusal to start on a store it cannot use.</summary>
public sealed class MediaStoreConfigurationTests
{
    [Theory]
    [InlineData("Dropbox", null, null, null, "NewsCms:Media:Store is 'Dropbox'; it must be one of FileSystem, AzureBlob.")]
    [InlineData("AzureBlob", null, null, null, "needs exactly one of NewsCms:Media:AzureBlob:ConnectionString and NewsCms:Media:AzureBlob:AccountUrl")]
    [InlineData("AzureBlob", "UseDevelopmentStorage=true", "https://newscms.blob.core.windows.net", null, "; both are set.")]
    [InlineData("AzureBlob", null, "http://newscms.blob.core.windows.net", null, "must be the account's https URL")]
    [InlineData("AzureBlob", null, "newscms.blob.core.windows.net", null, "must be the account's https URL")]
    [InlineData("azureblob", "AccountName=newscms", null, null, "NewsCms:Media:AzureBlob:ConnectionString is not a storage connection string")]
    [InlineData("AzureBlob", "UseDevelopmentStorage=true", null, "Media_Files", "NewsCms:Media:AzureBlob:Container is 'Media_Files', which Azure refuses")]
    public async Task A_store_that_cannot_work_stops_the_server_before_it_starts_with_the_setting_to_fix(
        string store, string? connectionString, string? accountUrl, string? container, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsCms:Media:Store"] = store,
            ["NewsCms:Media:AzureBlob:ConnectionString"] = connectionString,
            ["NewsCms:Media:AzureBlob:AccountUrl"] = accountUrl,
            ["NewsCms:Media:AzureBlob:Container"] = container,
        };
        await using var api = new ConfiguredApi(settings.Where(setting => setting.Value is not null).ToDictionary());

        var refused = Assert.Throws<InvalidOperationException>(() => api.Services);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_interval_out_of_range_stops_the_server_at_start()
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?> { ["NewsCms:Media:SweepIntervalMinutes"] = "-5" });

        var refused = Assert.Throws<OptionsValidationException>(() => api.Services);

        Assert.Contains("SweepIntervalMinutes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_configured_the_bytes_go_to_the_folder_store_of_the_embedded_default()
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?>());
        await api.InitializeAsync();

        Assert.IsType<FileSystemMediaStore>(api.Services.GetRequiredService<IMediaStore>());
    }

    /// <summary>
    /// A server with extra settings. Uninitialized, it stands on an in-memory SQLite database: enough for a server
    /// that must stop while it is being built.
    /// </summary>
    private sealed class ConfiguredApi(IReadOnlyDictionary<string, string?> settings) : NewsCmsApiFactory(new SqliteTestDatabase())
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Database.ConnectionString.Length > 0
            ? settings
            : new Dictionary<string, string?>(settings) { ["ConnectionStrings:NewsCms"] = "Data Source=:memory:" };

        protected override Task SeedAsync() => Task.CompletedTask;
    }
}

/// <summary>The server on Azure Blob Storage (Azurite), chosen by configuration alone.</summary>
public sealed class AzureMediaStoreHostingTests(AzureMediaApi api) : IClassFixture<AzureMediaApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Store_AzureBlob_writes_to_the_configured_container_and_creates_it()
    {
        api.Azurite.RequireAvailable();
        _ = api.CreateClientOrSkip();
        var store = Assert.IsType<AzureBlobMediaStore>(api.Services.GetRequiredService<IMediaStore>());
        Assert.Equal(AzureMediaApi.Container, store.ContainerName);
        var key = MediaKeys.OriginalOf(MediaKeys.NewStorageId());

        await store.WriteAsync(key, new MemoryStream([1, 2, 3]), "image/png", Cancel);

        var blob = new BlobContainerClient(api.Azurite.ConnectionString, AzureMediaApi.Container).GetBlobClient(key);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal((3L, "image/png"), (properties.ContentLength, properties.ContentType));
    }
}

public sealed class AzureMediaApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    public const string Container = "newsroom-media";

    public LocalAzurite Azurite { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:Media:Store"] = "AzureBlob",
        ["NewsCms:Media:AzureBlob:ConnectionString"] = Azurite.ConnectionString,
        ["NewsCms:Media:AzureBlob:Container"] = Container,
    };

    public override async ValueTask InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>The sweep as the server runs it: on the host's clock, at the configured interval, on the configured store.</summary>
public sealed class OrphanSweepHostTests(MediaSweepApi api) : IClassFixture<MediaSweepApi>
{
    [Fact]
    public async Task An_old_orphan_goes_at_the_first_tick_and_not_before()
    {
        _ = api.CreateClientOrSkip();
        var store = api.Services.GetRequiredService<IMediaStore>();
        var key = MediaKeys.OriginalOf(MediaKeys.NewStorageId());
        await store.WriteAsync(key, new MemoryStream(new byte[500]), "image/jpeg", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(Path.Combine([api.MediaRoot, .. key.Split('/')]), TestContent.Now.AddHours(-2));

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.True(await store.ExistsAsync(key, TestContext.Current.CancellationToken), "The first sweep waits one interval.");

        api.Clock.Advance(TimeSpan.FromMinutes(MediaSweepApi.IntervalMinutes));

        var elapsed = Stopwatch.StartNew();
        while (await store.ExistsAsync(key, TestContext.Current.CancellationToken))
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), "The orphan was not swept within 10 s of the tick.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class MediaSweepApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    public const int IntervalMinutes = 30;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:Media:SweepIntervalMinutes"] = $"{IntervalMinutes}",
    };

    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary><c>media sweep</c> as operators run it: the built server as a separate process, on its configured store.</summary>
public sealed class MediaSweepCommandTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Media_sweep_removes_old_orphans_lists_them_and_keeps_the_rest()
    {
        api.Database.RequireAvailable();
        var root = Directory.CreateTempSubdirectory("newscms-media-sweep-").FullName;
        try
        {
            var store = new FileSystemMediaStore(root);
            var claimed = new MediaAsset
            {
                StorageId = MediaKeys.NewStorageId(),
                FileName = "chart.png",
                ContentType = "image/png",
                Kind = MediaKind.Image,
                SizeBytes = 10,
                Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                UploadedAt = TestContent.Now,
                Version = 1,
            };
            await api.Database.Contexts.SaveAsync(claimed);
            var claimedKey = MediaKeys.OriginalOf(claimed.StorageId);
            var oldOrphan = MediaKeys.RenditionOf(MediaKeys.NewStorageId(), "640-contain.jpg");
            var youngOrphan = MediaKeys.OriginalOf(MediaKeys.NewStorageId());
            foreach (var (key, age) in new[] { (claimedKey, TimeSpan.FromDays(30)), (oldOrphan, TimeSpan.FromDays(2)), (youngOrphan, TimeSpan.Zero) })
            {
                await store.WriteAsync(key, new MemoryStream(new byte[1234]), "image/png", Cancel);
                File.SetLastWriteTimeUtc(Path.Combine([root, .. key.Split('/')]), DateTime.UtcNow - age);
            }

            var (exitCode, output, errors) = await ChildProcess.RunAsync("dotnet", [ServerDll, "media", "sweep"], AppContext.BaseDirectory, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["NewsCms__Database__SeedDemoContent"] = "false",
                ["ConnectionStrings__NewsCms"] = api.Database.ConnectionString,
                ["NewsCms__Media__FileSystem__RootPath"] = root,
            }, TimeSpan.FromMinutes(1));

            Assert.True(exitCode == 0, errors);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"removed {oldOrphan} (1234 bytes, last written ", lines[0], StringComparison.Ordinal);
            Assert.Equal("Removed 1 orphan blob(s), 1234 bytes.", lines[1]);
            Assert.False(await store.ExistsAsync(oldOrphan, Cancel));
            Assert.True(await store.ExistsAsync(claimedKey, Cancel));
            Assert.True(await store.ExistsAsync(youngOrphan, Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
