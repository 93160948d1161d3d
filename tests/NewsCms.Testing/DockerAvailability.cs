using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace NewsCms.Testing;

/// <summary>Asks once whether a Docker engine answers; container suites skip with the reason when none does.</summary>
public static class DockerAvailability
{
    private static readonly Lazy<string?> UnavailableReason = new(Probe);

    public static bool IsAvailable => UnavailableReason.Value is null;

    public static string SkipReason => UnavailableReason.Value ?? "";

    private static string? Probe()
    {
        try
        {
            _ = new ContainerBuilder("alpine:3").Build();
            return null;
        }
        catch (Exception ex) when (ex is DockerUnavailableException or InvalidOperationException or ArgumentException)
        {
            return $"No Docker engine answers ({ex.Message.Split('\n')[0].Trim()}), so the Testcontainers suites cannot run here";
        }
    }
}
