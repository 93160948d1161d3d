using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.GraphQL.Execution;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsCms.Api.Tests.Observability;

/// <summary>
/// The GraphQL span and counter, caught in memory by an OpenTelemetry pipeline of the test's own: the sources are
/// process-wide, so each test looks only for the operation names it sent.
/// </summary>
public sealed class GraphQLTelemetryTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    private readonly HttpClient client = api.CreateClientOrSkip();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_gets_a_span_named_after_its_operation_and_its_server_span_carries_the_name_too()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(GraphQLTelemetry.SourceName, AspNetCoreSource).AddInMemoryExporter(spans).Build())
        {
            var name = $"SectionList{Guid.NewGuid():N}";
            await client.DataAsync($"query {name} {{ sections {{ slug }} }}");
            tracing.ForceFlush();

            var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.SourceName && Equals(s.GetTagItem(GraphQLTelemetry.OperationNameTag), name));
            Assert.Equal($"query {name}", operation.DisplayName);
            Assert.Equal("query", operation.GetTagItem(GraphQLTelemetry.OperationTypeTag));
            Assert.Equal(ActivityStatusCode.Unset, operation.Status);
            var server = Assert.Single(spans, s => s.SpanId == operation.ParentSpanId);
            Assert.Equal(AspNetCoreSource, server.Source.Name);
            Assert.Equal(ActivityKind.Server, server.Kind);
            Assert.Equal(name, server.GetTagItem(GraphQLTelemetry.OperationNameTag));
            Assert.Equal("query", server.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        }
    }

    [Fact]
    public async Task A_rejected_document_marks_its_span_as_failed_with_the_error_code()
    {
        var spans = new List<Activity>();
        // With the server spans, as a deployment traces: an operation's span follows its parent's sampling.
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(GraphQLTelemetry.SourceName, AspNetCoreSource).AddInMemoryExporter(spans).Build();
        var name = $"NoSuchField{Guid.NewGuid():N}";

        // A document that never ran is named by the request's operationName, as clients send it.
        var result = await client.QueryAsync($"query {name} {{ noSuchField }}", operationName: name);
        tracing.ForceFlush();

        Assert.NotEmpty(result.ErrorCodes());
        var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.SourceName && Equals(s.GetTagItem(GraphQLTelemetry.OperationNameTag), name));
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal(result.ErrorCodes()[0], operation.StatusDescription?.Split(", ")[0]);
        Assert.Equal(result.ErrorCodes()[0], operation.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_persisted_document_is_traced_with_its_document_id()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(GraphQLTelemetry.SourceName, AspNetCoreSource).AddInMemoryExporter(spans).Build();
        var document = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PersistedDocuments", "latest-articles.graphql"), Cancel);
        var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        // Other tests run this document too: the trace this request carries in tells its span apart.
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { documentId = id, variables = new { first = 1 } }) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request, Cancel);
        response.EnsureSuccessStatusCode();
        tracing.ForceFlush();

        var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.SourceName && s.TraceId == trace);
        Assert.Equal(id, operation.GetTagItem(GraphQLTelemetry.DocumentIdTag));
        Assert.Equal("LatestArticles", operation.GetTagItem(GraphQLTelemetry.OperationNameTag));
        Assert.Equal("query LatestArticles", operation.DisplayName);
    }

    [Fact]
    public async Task Operations_are_counted_by_name_type_and_outcome()
    {
        var metrics = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(GraphQLTelemetry.SourceName).AddInMemoryExporter(metrics).Build();
        var name = $"Counted{Guid.NewGuid():N}";

        await client.DataAsync($"query {name} {{ sections {{ slug }} }}");
        await client.DataAsync($"query {name} {{ sections {{ slug }} }}");
        await client.QueryAsync($"query {name} {{ noSuchField }}", operationName: name);
        meters.ForceFlush();

        var counts = metrics.Where(m => m.Name == GraphQLTelemetry.OperationsCounterName)
            .SelectMany(m => m.MetricPoints)
            .Select(point => (Tags: Tags(point), Sum: point.GetSumLong()))
            .Where(point => Equals(point.Tags.GetValueOrDefault(GraphQLTelemetry.OperationNameTag), name))
            .GroupBy(point => (string?)point.Tags.GetValueOrDefault(GraphQLTelemetry.OutcomeTag))
            .ToDictionary(g => g.Key ?? "", g => g.Max(p => p.Sum));
        Assert.Equal(2, counts["ok"]);
        Assert.Equal(1, counts["rejected"]);
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }
}
