using Xunit;

namespace NewsCms.Testing;

/// <summary>What the test run was given by tests/run.sh, and whether a missing service may skip or must fail.</summary>
public static class TestEnvironment
{
    /// <summary>Admin connection string of the PostgreSQL server that tests/run.sh started on loopback.</summary>
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("NEWSCMS_TEST_POSTGRES");

    /// <summary>The folder holding the Node test tools (graphql-http, graphql).</summary>
    public static string? NodeToolsPath => Environment.GetEnvironmentVariable("NEWSCMS_TEST_NODE_TOOLS");

    /// <summary>On CI a local service that is missing is a broken run, never a skip; only Docker suites may skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips when a local service is unavailable on a developer machine, fails on CI.</summary>
    public static void RequireLocalService(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{reason} (CI=true: tests/run.sh must provide it)");
        }

        Assert.Skip($"{reason}; run the tests through tests/run.sh to provide it");
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsCms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NewsCms.sln was not found above the test output folder.");
    }
}
