using System.Text.Json.Nodes;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>What the Bicep CLI made of one file: its ARM template (null when it failed) and the diagnostics naming it.</summary>
public sealed record BicepResult(string File, string? Template, IReadOnlyList<string> Diagnostics, string Output)
{
    public JsonNode Json => JsonNode.Parse(Template ?? throw new InvalidOperationException($"{File} produced no template:\n{Output}"))!;
}

/// <summary>
/// Compiles every Bicep file under deploy/azure in one run of the CLI (`bicep build --pattern`: each file compiled on
/// its own, as `bicep build FILE` would, but the CLI's few seconds of start-up paid once), and the parameters file in
/// a second run beside it. Both start when the first test asks and are shared by all.
/// </summary>
public static class BicepBuild
{
    /// <summary>The environment the parameters file reads its secrets from: fake values of the right shape.</summary>
    public static readonly IReadOnlyDictionary<string, string> ParameterEnvironment = new Dictionary<string, string>
    {
        ["NEWSCMS_ACR_NAME"] = "newscmstestacr",
        ["NEWSCMS_IMAGE"] = "newscms:test",
        ["NEWSCMS_SQL_ADMIN_PASSWORD"] = "Not-a-real-password-1",
        ["NEWSCMS_DB_PASSWORD"] = "Not-a-real-password-2",
        ["NEWSCMS_PREVIEW_SIGNING_KEY"] = "",
    };

    private static readonly Lazy<Task<IReadOnlyDictionary<string, BicepResult>>> All = new(BuildAllAsync);
    private static readonly Lazy<Task<BicepResult>> Parameters = new(BuildParametersAsync);

    /// <summary>Every .bicep file under deploy/azure, relative to it, modules included.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(DeployFiles.Azure, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(DeployFiles.Azure, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static async Task<BicepResult> OfAsync(string relativePath)
    {
        _ = Parameters.Value;
        return (await All.Value)[relativePath];
    }

    public static Task<BicepResult> OfParametersAsync()
    {
        _ = All.Value;
        return Parameters.Value;
    }

    private static async Task<IReadOnlyDictionary<string, BicepResult>> BuildAllAsync()
    {
        var output = Directory.CreateTempSubdirectory("newscms-bicep-").FullName;
        try
        {
            var (_, stdout, stderr) = await RunAsync(["build", "--pattern", "**/*.bicep", "--outdir", output]);
            return Files().ToDictionary(
                file => file,
                file =>
                {
                    var compiled = Path.Combine(output, Path.ChangeExtension(file, ".json"));
                    return new BicepResult(
                        file,
                        File.Exists(compiled) ? File.ReadAllText(compiled) : null,
                        DiagnosticsNaming(Path.Combine(DeployFiles.Azure, file), stderr),
                        stdout + stderr);
                },
                StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<BicepResult> BuildParametersAsync()
    {
        const string file = "main.bicepparam";
        var (exitCode, stdout, stderr) = await RunAsync(["build-params", file, "--stdout"], ParameterEnvironment);
        var diagnostics = DiagnosticLines(stderr);
        return new BicepResult(file, exitCode == 0 ? stdout : null, diagnostics, stderr);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.RunAsync(BicepCli.Executable(), arguments, DeployFiles.Azure, BicepCli.Environment(environment), TimeSpan.FromMinutes(2));

    /// <summary>Errors, warnings and linter findings about one file (each diagnostic line starts with its path).</summary>
    private static List<string> DiagnosticsNaming(string path, string diagnostics) =>
        [.. DiagnosticLines(diagnostics).Where(line => line.StartsWith(path + "(", StringComparison.Ordinal))];

    private static List<string> DiagnosticLines(string diagnostics) =>
        [.. diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Warning ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
}
