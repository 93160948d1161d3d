using System.Globalization;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit;

namespace NewsCms.Testing.Storage;

/// <summary>
/// Azurite's blob service, Microsoft's emulator of Azure Blob Storage, for one test class. Tests that cannot have it
/// call <see cref="RequireAvailable"/> and skip or fail with the reason, as database tests do.
/// </summary>
public abstract class Azurite : IAsyncLifetime
{
    /// <summary>Azurite's one built-in account; its key is published in Azurite's documentation, not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public abstract string Name { get; }

    /// <summary>Null when Azurite answers; otherwise why it cannot be had here.</summary>
    public string? UnavailableReason { get; protected set; }

    /// <summary>A storage connection string for the emulated account.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether a missing emulator skips (Docker suites) or fails on CI (tools tests/run.sh provides).</summary>
    protected virtual bool SkipsOnCi => false;

    public void RequireAvailable()
    {
        if (UnavailableReason is null)
        {
            return;
        }

        if (SkipsOnCi)
        {
            Assert.Skip(UnavailableReason);
        }

        TestEnvironment.RequireLocalService(false, UnavailableReason);
    }

    public async ValueTask InitializeAsync()
    {
        var blobEndpoint = await StartAsync();
        if (blobEndpoint is not null)
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={blobEndpoint}/{AccountName};";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the emulator and returns its blob endpoint (<c>http://host:port</c>), or sets <see cref="UnavailableReason"/>.</summary>
    protected abstract Task<string?> StartAsync();

    protected abstract Task StopAsync();
}

/// <summary>
/// Azurite from the Node test tools (tests/tools), run as a child process on a loopback port the system picks, kept in
/// memory and stopped by its process id when the class is done.
/// </summary>
public sealed partial class LocalAzurite : Azurite
{
    private RunningProcess? process;
    private string? folder;

    public override string Name => "Azurite (local)";

    protected override async Task<string?> StartAsync()
    {
        var tools = TestEnvironment.NodeToolsPath;
        var program = tools is null ? null : Path.Combine(tools, "node_modules", ".bin", "azurite-blob");
        if (program is null || !File.Exists(program))
        {
            UnavailableReason = "Azurite is not installed: NEWSCMS_TEST_NODE_TOOLS is not set or has no node_modules/.bin/azurite-blob";
            return null;
        }

        // In memory, so nothing outlives the class. Azurite refuses --location beside --inMemoryPersistence, so the
        // throwaway folder is its working directory instead: whatever it writes lands there and is deleted with it.
        folder = Directory.CreateTempSubdirectory("newscms-azurite-").FullName;
        process = RunningProcess.Start(program, [
            "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence", "--extentMemoryLimit", "1024",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
        ], folder);
        await process.WaitForLineAsync("successfully listens on", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var listening = process.Lines.Select(line => ListeningOn().Match(line)).First(match => match.Success);
        return listening.Groups["endpoint"].Value;
    }

    protected override async Task StopAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"successfully listens on (?<endpoint>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

/// <summary>Azurite's own image in a throwaway container, wherever Docker runs; skipped with the reason elsewhere.</summary>
public sealed class ContainerAzurite : Azurite
{
    /// <summary>The same release as the npm package in tests/tools, so both suites test one emulator.</summary>
    public const string Image = "mcr.microsoft.com/azure-storage/azurite:3.37.0";

    private const ushort BlobPort = 10000;
    private IContainer? container;

    public override string Name => "Azurite (container)";

    protected override bool SkipsOnCi => true;

    protected override async Task<string?> StartAsync()
    {
        if (!DockerAvailability.IsAvailable)
        {
            UnavailableReason = DockerAvailability.SkipReason;
            return null;
        }

        container = new ContainerBuilder(Image)
            .WithCommand("azurite-blob", "--blobHost", "0.0.0.0", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence")
            .WithPortBinding(BlobPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("successfully listens on"))
            .Build();
        await container.StartAsync();
        return string.Create(CultureInfo.InvariantCulture, $"http://{container.Hostname}:{container.GetMappedPublicPort(BlobPort)}");
    }

    protected override async Task StopAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
