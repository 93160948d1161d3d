using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsCms.Server.Health;

/// <summary>
/// <c>GET /healthz</c>: the process answers (liveness; touches nothing, so a slow database never gets a replica
/// restarted). <c>GET /readyz</c>: the replica's dependencies answer (readiness; a load balancer sends it no traffic
/// until they do). 200 or 503, never cached, with a small JSON body naming each check.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool IsProbe(PathString path) =>
        path.Equals(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapNewsCmsHealth(this IEndpointRouteBuilder endpoints)
    {
        AsProbe(endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }));
        AsProbe(endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthRegistration.ReadinessTag),
            ResponseWriter = WriteAsync,
        }));
        return endpoints;
    }

    /// <summary>
    /// Short-circuited: answered by routing itself, before authentication (a staff cookie would cost a database read,
    /// a stale bearer token a 401), authorization and rate limits. Probes come every few seconds from every load
    /// balancer, so they stay out of the request metrics too.
    /// </summary>
    private static void AsProbe(IEndpointConventionBuilder endpoint) =>
        endpoint.AllowAnonymous().DisableRateLimiting().DisableHttpMetrics().ShortCircuit();

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        var answer = new HealthAnswer(
            report.Status.ToString(),
            [.. report.Entries.Select(entry => new CheckAnswer(
                entry.Key,
                entry.Value.Status.ToString(),
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                entry.Value.Status == HealthStatus.Healthy ? null : entry.Value.Description ?? "failed"))]);
        return http.Response.WriteAsJsonAsync(answer, Json, http.RequestAborted);
    }

    private sealed record HealthAnswer(string Status, IReadOnlyList<CheckAnswer> Checks);

    private sealed record CheckAnswer(string Name, string Status, double DurationMs, string? Error);
}
