using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.GraphQL.Execution;
using NewsCms.Testing.Databases;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsCms.Api.Tests.Observability;

/// <summary>OpenTelemetry as an operator switches it on: the standard variables, and a collector on the other end.</summary>
public sealed class OtlpExportTests(OtlpExportTests.ExportingApi api) : IClassFixture<OtlpExportTests.ExportingApi>
{
    private const string Replica = "replica-b";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traces_and_metrics_reach_the_collector_named_after_the_service_and_the_replica_without_the_probes()
    {
        var client = api.CreateClientOrSkip();
        using (var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel))
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Cancel))
        {
            live.EnsureSuccessStatusCode();
            ready.EnsureSuccessStatusCode();
        }

        var name = $"Exported{Guid.NewGuid():N}";

        await client.DataAsync($"query {name} {{ sections {{ slug }} }}");

        var traces = await WaitForAsync("/v1/traces", name);
        Assert.Contains("graphql.operation.name", traces, StringComparison.Ordinal);
        Assert.Contains($"query {name}", traces, StringComparison.Ordinal);
        Assert.Contains("service.name", traces, StringComparison.Ordinal);
        Assert.Contains("newscms", traces, StringComparison.Ordinal);
        Assert.Contains("service.instance.id", traces, StringComparison.Ordinal);
        Assert.Contains(Replica, traces, StringComparison.Ordinal);
        // The database span under the operation: the entity framework's instrumentation works on EF 10.
        Assert.Contains("db.system", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("/healthz", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("/readyz", traces, StringComparison.Ordinal);

        // The request's duration is recorded once its answer is written, after the operation was counted.
        var metrics = await WaitForAsync("/v1/metrics", "http.server.request.duration");
        metrics = await WaitForAsync("/v1/metrics", name);
        Assert.Contains(GraphQLTelemetry.OperationsCounterName, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_collector_configured_the_server_runs_a_tracer_and_a_meter_provider()
    {
        api.Database.RequireAvailable();
        Assert.NotNull(api.Services.GetService<TracerProvider>());
        Assert.NotNull(api.Services.GetService<MeterProvider>());
    }

    private async Task<string> WaitForAsync(string path, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!api.Receiver.Received(path).Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"No export to {path} mentioned {text} within 20 s.");
            }

            await Task.Delay(100, Cancel);
        }

        return api.Receiver.Received(path);
    }

    public sealed class ExportingApi() : NewsCmsApiFactory(new SqliteTestDatabase())
    {
        public OtlpReceiver Receiver { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["NewsCms:Instance:Name"] = Replica,
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }
}

/// <summary>Nothing is exported, and nothing is set up to be, until a collector is configured.</summary>
public sealed class NoCollectorTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public void Without_an_OTLP_endpoint_no_tracer_or_meter_provider_is_registered()
    {
        api.Database.RequireAvailable();
        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.Null(api.Services.GetService<MeterProvider>());
    }
}
