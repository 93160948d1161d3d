using NewsCms.Testing;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>Where the files under test live, from the repository root.</summary>
public static class DeployFiles
{
    public static string Root => TestEnvironment.RepositoryRoot;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Dockerfile => Path.Combine(Deploy, "docker", "Dockerfile");

    public static string HealthCheckScript => Path.Combine(Deploy, "docker", "healthcheck.sh");

    public static string Compose => Path.Combine(Deploy, "compose.yaml");

    public static string EnvExample => Path.Combine(Deploy, ".env.example");

    public static string NginxTemplate => Path.Combine(Deploy, "nginx", "newscms.conf.template");

    public static string Azure => Path.Combine(Deploy, "azure");

    public static string ApplyMigrationsScript => Path.Combine(Deploy, "sqlserver", "apply-migrations.sh");

    /// <summary>src/*/*.csproj, as paths relative to the root with forward slashes (as the Dockerfile names them).</summary>
    public static IReadOnlyList<string> SourceProjects() =>
        [.. Directory.EnumerateDirectories(Path.Combine(Root, "src"))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj"))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
