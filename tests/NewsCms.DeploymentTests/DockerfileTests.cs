using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsCms.DeploymentTests.Infrastructure;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests;

/// <summary>
/// deploy/docker/Dockerfile, read as text: Docker is not installed on this machine, so no image is built here. What can
/// be held to account without it is: the runtime stage, its user, that its entry point runs what src/NewsCms.Server
/// builds, that the restore layer lists every project, and the health probe script, which runs here for real.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile Parsed = Dockerfile.Read(DeployFiles.Dockerfile);

    private static IEnumerable<DockerInstruction> FinalStage => Parsed.InStage(Parsed.FinalStage);

    [Fact]
    public void The_build_stage_is_the_SDK_and_the_final_stage_is_the_ASP_NET_runtime()
    {
        var froms = Parsed.Instructions.Where(i => i.Keyword == "FROM").ToList();
        Assert.True(froms.Count >= 2, "a multi-stage build: an SDK stage and a runtime stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Dockerfile.ImageOf(froms[0]), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", Dockerfile.ImageOf(froms[^1]), StringComparison.Ordinal);

        // Nothing of the SDK reaches the final image: it copies only the publish output and the probe.
        foreach (var copy in FinalStage.Where(i => i.Keyword is "COPY" or "ADD"))
        {
            var from = copy.Words().FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal));
            if (from is not null)
            {
                Assert.Equal("--from=build /app ./", string.Join(' ', copy.Words().Where(w => !w.StartsWith("--chmod", StringComparison.Ordinal))));
            }
        }

        Assert.DoesNotContain(FinalStage, i => i.Arguments.Contains("dotnet/sdk", StringComparison.Ordinal));
        Assert.DoesNotContain(FinalStage, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_final_stage_runs_as_the_images_unprivileged_user()
    {
        var user = FinalStage.LastOrDefault(i => i.Keyword == "USER");
        Assert.NotNull(user);
        Assert.Contains(user.Arguments, (string[])["$APP_UID", "${APP_UID}", "app"]);

        // Nothing after it switches back to root.
        var afterUser = FinalStage.SkipWhile(i => !ReferenceEquals(i, user)).Skip(1);
        Assert.DoesNotContain(afterUser, i => i.Keyword is "USER" or "RUN");
    }

    [Fact]
    public void The_entry_point_runs_the_assembly_that_the_server_project_builds()
    {
        var serverAssembly = typeof(Program).Assembly;
        var dll = $"{serverAssembly.GetName().Name}.dll";
        // The referenced build output is what `dotnet publish src/NewsCms.Server` produces under that name.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, dll)), $"{dll} is not in the test's build output");

        var entryPoint = FinalStage.Single(i => i.Keyword == "ENTRYPOINT").ExecForm();
        Assert.NotNull(entryPoint);
        Assert.Equal(["dotnet", dll], entryPoint);
        Assert.Equal("/app", FinalStage.Last(i => i.Keyword == "WORKDIR").Arguments);

        var publish = Parsed.InStage(0).Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/NewsCms.Server/NewsCms.Server.csproj", publish.Words());
        Assert.Contains("/app", publish.Words());
    }

    [Fact]
    public void The_restore_layer_copies_every_source_project_file_before_restoring()
    {
        var build = Parsed.InStage(0).ToList();
        var restoreIndex = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restoreIndex > 0, "the build stage restores on its own RUN, before the sources are copied");
        var beforeRestore = build.Take(restoreIndex).Where(i => i.Keyword == "COPY").ToList();

        var copiedProjects = beforeRestore
            .SelectMany(copy => copy.Words().Where(w => w.EndsWith(".csproj", StringComparison.Ordinal)))
            .ToList();
        var missing = DeployFiles.SourceProjects().Except(copiedProjects, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Add a COPY line before `dotnet restore` for: {string.Join(", ", missing)}");

        // Each one lands in its own folder, where the project references expect it, and names a file that exists.
        foreach (var copy in beforeRestore.Where(c => c.Words()[0].EndsWith(".csproj", StringComparison.Ordinal)))
        {
            var (source, destination) = (copy.Words()[0], copy.Words()[1]);
            Assert.Equal(source[..(source.LastIndexOf('/') + 1)], destination);
            Assert.True(File.Exists(Path.Combine(DeployFiles.Root, source)), $"{source} does not exist");
        }

        // The central package versions and the SDK pin are there for the restore too.
        var rootFiles = beforeRestore.SelectMany(c => c.Words()).ToList();
        Assert.Contains("Directory.Packages.props", rootFiles);
        Assert.Contains("Directory.Build.props", rootFiles);
        Assert.Contains("global.json", rootFiles);

        // The sources come after the restore, or every edit would throw the package layer away.
        var sourcesCopy = build.FindIndex(i => i.Keyword == "COPY" && i.Words().SequenceEqual(["src/", "src/"]));
        Assert.True(sourcesCopy > restoreIndex, "COPY src/ src/ comes after the restore");
    }

    [Fact]
    public void The_data_folder_and_the_url_are_configuration_the_server_reads()
    {
        var keys = Parsed.EnvironmentKeys(Parsed.FinalStage);
        Assert.Contains("NewsCms__DataPath", keys);
        var unread = keys.Where(key => !AppConfigurationKeys.OfTheServer.IsRead(key)).ToList();
        Assert.True(unread.Count == 0, $"The image sets variables the app never reads: {string.Join(", ", unread)}");
    }

    [Fact]
    public void The_health_check_runs_the_probe_script_that_the_image_copies()
    {
        var healthCheck = FinalStage.Single(i => i.Keyword == "HEALTHCHECK");
        Assert.Contains("newscms-healthcheck", healthCheck.Arguments, StringComparison.Ordinal);
        Assert.Contains(FinalStage, i => i.Keyword == "COPY"
            && i.Words().Contains("deploy/docker/healthcheck.sh")
            && i.Words().Contains("/usr/local/bin/newscms-healthcheck")
            && i.Words().Contains("--chmod=0755"));

        // The build context holds the sources and the script, never build output or the compose secrets.
        var ignore = File.ReadAllLines(Path.Combine(DeployFiles.Root, ".dockerignore"))
            .Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains("deploy/.env", ignore);
        Assert.DoesNotContain(ignore, line => line.TrimEnd('/', '*') is "src" or "deploy" or "deploy/docker" or "deploy/docker/healthcheck.sh");
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(503, 1)]
    [InlineData(404, 1)]
    public async Task The_probe_is_healthy_on_200_only(int status, int expectedExitCode)
    {
        RequireBash();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requestLine = AnswerOnceAsync(listener, $"HTTP/1.1 {status} Whatever\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            "bash", [DeployFiles.HealthCheckScript, port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            DeployFiles.Root, timeout: TimeSpan.FromSeconds(20));

        Assert.True(exitCode == expectedExitCode, $"exit {exitCode}, expected {expectedExitCode}: {output}{errors}");
        Assert.Equal("GET /healthz HTTP/1.1", await requestLine);
    }

    [Fact]
    public async Task The_probe_fails_when_nothing_listens()
    {
        RequireBash();
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, _, _) = await ChildProcess.RunAsync(
            "bash", [DeployFiles.HealthCheckScript, port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            DeployFiles.Root, timeout: TimeSpan.FromSeconds(20));

        Assert.NotEqual(0, exitCode);
    }

    /// <summary>Accepts one connection, reads the request head, answers, and returns the request line.</summary>
    private static async Task<string> AnswerOnceAsync(TcpListener listener, string response)
    {
        using var client = await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), TestContext.Current.CancellationToken);
        return head.ToString().Split("\r\n")[0];
    }

    private static void RequireBash() =>
        TestEnvironment.RequireLocalService(File.Exists("/bin/bash") || File.Exists("/usr/bin/bash"), "bash is not installed");
}
