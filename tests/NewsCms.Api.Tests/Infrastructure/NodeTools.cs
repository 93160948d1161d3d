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
        var (exitCode, output, errors) = await ChildProcess.RunAsync("node", arguments, workingDirectory);
        Assert.True(exitCode == 0, $"node {string.Join(' ', arguments)} exited with {exitCode}: {errors}");
        return output;
    }
}
