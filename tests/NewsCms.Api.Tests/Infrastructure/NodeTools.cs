using System.Diagnostics;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Infrastructure;

/// <summary>Runs the npm tools that tests/run.sh installs: the reference implementations, not our copies of them.</summary>
public static class NodeTools
{
    public static string RequireToolsFolder()
    {
        var folder = TestEnvironment.NodeToolsPath;
        TestEnvironment.RequireLocalService(
            folder is not null && Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http")),
            "The Node test tools (graphql-http, graphql) are not installed: NEWSCMS_TEST_NODE_TOOLS is not set");
        return folder!;
    }

    /// <summary>graphql-js's own <c>getIntrospectionQuery()</c>, as IDEs and code generators send it.</summary>
    public static async Task<string> IntrospectionQueryAsync()
    {
        var folder = RequireToolsFolder();
        return await RunAsync(folder, "-e", "process.stdout.write(require('graphql').getIntrospectionQuery())");
    }

    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"node {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        return await output;
    }
}
