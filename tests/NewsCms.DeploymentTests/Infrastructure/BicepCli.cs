using System.Reflection;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which the normal restore brings; the
/// project passes the package's folder in as assembly metadata.
/// </summary>
public static class BicepCli
{
    public static string? PackageFolder =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageFolder")?.Value is { Length: > 0 } folder
            ? folder
            : null;

    /// <summary>The binary, made executable: NuGet extracts files without their mode bits.</summary>
    public static string Executable()
    {
        var folder = PackageFolder ?? throw new InvalidOperationException(
            "The Bicep package folder is unknown: the test project's restore did not run (PkgAzure_Bicep_CommandLine_linux-x64 is empty).");
        var binary = Path.Combine(folder, "tools", "bicep");
        Assert.True(File.Exists(binary), $"The Bicep CLI is not at {binary}");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(binary);
            const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(binary, mode | executable);
            }
        }

        return binary;
    }

    /// <summary>
    /// Bicep is a self-contained .NET program: without ICU on the machine it must run invariant, and it need not tell
    /// anyone it ran.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }
}
