using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>
/// Debian's nginx on loopback with the rendered template inside a minimal main configuration, in a folder of its own.
/// Disposing it kills the master and its workers by process id and removes the folder.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    public static readonly string? Binary =
        File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : File.Exists("/usr/bin/nginx") ? "/usr/bin/nginx" : null;

    private readonly RunningProcess process;
    private readonly string folder;

    private NginxProcess(RunningProcess process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>What nginx wrote: the access log goes to standard output.</summary>
    public IReadOnlyList<string> Lines => process.Lines;

    public static void RequireInstalled() =>
        TestEnvironment.RequireLocalService(Binary is not null, "nginx is not installed (Debian's nginx package: /usr/sbin/nginx)");

    /// <summary>Renders the template for <paramref name="upstreams"/> into a fresh folder; returns the main configuration.</summary>
    public static string WriteConfiguration(string folder, string listen, IEnumerable<string> upstreams)
    {
        var rendered = Path.Combine(folder, "newscms.conf");
        File.WriteAllText(rendered, NginxTemplate.Render(listen, upstreams));
        var main = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(main, NginxTemplate.MainConfiguration(folder, rendered));
        return main;
    }

    public static string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("newscms-nginx-").FullName;
        // Workers run as `nobody` when the tests run as root, and create their temp folders in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        return folder;
    }

    public static async Task<NginxProcess> StartAsync(IEnumerable<LoopbackBackend> backends)
    {
        RequireInstalled();
        var upstreams = backends.Select(b => $"server {b.Address} max_fails=1 fail_timeout=5s;").ToList();
        var folder = NewFolder();
        var port = FreePort();
        var main = WriteConfiguration(folder, $"127.0.0.1:{port}", upstreams);
        var process = RunningProcess.Start(Binary!, ["-p", folder, "-c", main, "-e", "stderr"], folder);
        var nginx = new NginxProcess(process, folder, port);
        await nginx.WaitUntilListeningAsync(port);
        return nginx;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"nginx did not listen on {port}:\n{process.Output}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
