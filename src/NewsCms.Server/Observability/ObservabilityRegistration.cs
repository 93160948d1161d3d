using System.Text.Encodings.Web;
using System.Text.Json;
using NewsCms.GraphQL.Execution;
using NewsCms.Server.Health;
using NewsCms.Server.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsCms.Server.Observability;

/// <summary>
/// What operators see of a running server: outside Development, one JSON object per log line carrying the trace it
/// belongs to; and OpenTelemetry traces and metrics over OTLP, only when a collector is configured with the standard
/// <c>OTEL_*</c> environment variables.
/// </summary>
internal static class ObservabilityRegistration
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "newscms";

    /// <summary>The entity framework's own meter (its context, query and save counters).</summary>
    private const string EntityFrameworkMeter = "Microsoft.EntityFrameworkCore";

    public static WebApplicationBuilder AddNewsCmsObservability(this WebApplicationBuilder builder)
    {
        AddLogs(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            AddOpenTelemetry(builder);
        }

        return builder;
    }

    private static void AddLogs(WebApplicationBuilder builder)
    {
        // Every line written during a request or a traced job names its trace, so a log search and a trace view meet.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        // A log collector reads one object per line; the activity scope brings TraceId and SpanId into each. The
        // command-line verbs keep their answer alone on standard output (ServerCommands sends every log to standard
        // error, whatever the format).
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            // Names in a newsroom are not ASCII: keep them readable rather than \u-escaped. The writer still escapes
            // what JSON requires, and a log line is never embedded in a page.
            json.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }

    /// <summary>
    /// The exporter reads the rest of the standard variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
    /// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_BSP_SCHEDULE_DELAY</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>...).
    /// </summary>
    private static void AddOpenTelemetry(WebApplicationBuilder builder)
    {
        var serviceName = builder.Configuration[ServiceNameSetting] is { Length: > 0 } name ? name : DefaultServiceName;
        var instance = ServerInstance.From(builder.Configuration).Name;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: instance, autoGenerateServiceInstanceId: false))
            .WithTracing(tracing => tracing
                // Load balancers probe every few seconds: thousands of spans an hour that say nothing. Their children
                // (the readiness queries) follow the unsampled parent and go unrecorded too.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(GraphQLTelemetry.SourceName)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(GraphQLTelemetry.SourceName, EntityFrameworkMeter)
                .AddOtlpExporter());
    }
}
