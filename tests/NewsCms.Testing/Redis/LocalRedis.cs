using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace NewsCms.Testing.Redis;

/// <summary>
/// Debian's <c>redis-server</c> as a child process on a loopback port, nothing persisted, stopped by its process id.
/// tests/run.sh installs it when missing; without it, tests skip on a developer machine and fail on CI, like the other
/// local services. Use it as a class fixture, or <see cref="StartAsync"/> it where a test runs several services.
/// </summary>
public sealed class LocalRedis : IAsyncLifetime
{
    private RunningProcess? process;
    private string? folder;

    /// <summary>Null when the server answers; otherwise why it cannot be had here.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>A StackExchange.Redis configuration string, such as <c>127.0.0.1:6390</c>.</summary>
    public string ConnectionString { get; private set; } = "";

    public int ProcessId => process?.Id ?? throw new InvalidOperationException("Redis is not running.");

    /// <summary>Starts a server, or returns one whose <see cref="UnavailableReason"/> says why it could not.</summary>
    public static async Task<LocalRedis> StartAsync(CancellationToken cancellationToken)
    {
        var redis = new LocalRedis();
        await redis.StartCoreAsync(cancellationToken);
        return redis;
    }

    public void RequireAvailable() => TestEnvironment.RequireLocalService(UnavailableReason is null, UnavailableReason ?? "");

    public ValueTask InitializeAsync() => new(StartCoreAsync(TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
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

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var program = FindServer();
        if (program is null)
        {
            UnavailableReason = "redis-server is not installed (apt-get install redis-server, or set NEWSCMS_TEST_REDIS_SERVER)";
            return;
        }

        // Redis cannot listen on port 0 and report the port it got, so a free port is asked of the system first.
        var port = FreeLoopbackPort();
        folder = Directory.CreateTempSubdirectory("newscms-redis-").FullName;
        process = RunningProcess.Start(program, [
            "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--dir", folder, "--protected-mode", "yes",
        ], folder);
        await process.WaitForLineAsync("Ready to accept connections", TimeSpan.FromSeconds(30), cancellationToken);
        ConnectionString = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
    }

    private static string? FindServer()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSCMS_TEST_REDIS_SERVER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
