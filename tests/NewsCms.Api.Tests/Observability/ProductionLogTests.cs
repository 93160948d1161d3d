using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsCms.Testing;
using OpenTelemetry;

namespace NewsCms.Api.Tests.Observability;

/// <summary>
/// The built server as its own process in Production, as a container runs it: every line it writes is a JSON object
/// a log collector can read, and the lines of a request name the W3C trace the caller sent.
/// </summary>
public sealed partial class ProductionLogTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_logs_are_json_lines_that_carry_the_callers_trace_id()
    {
        var folder = Directory.CreateTempSubdirectory("newscms-json-logs-").FullName;
        try
        {
            await using var server = RunningProcess.Start("dotnet", [ServerDll], AppContext.BaseDirectory, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Urls"] = "http://127.0.0.1:0",
                ["NewsCms__Database__Provider"] = "Sqlite",
                ["ConnectionStrings__NewsCms"] = $"Data Source={Path.Combine(folder, "newscms.db")}",
                ["NewsCms__Database__SeedDemoContent"] = "false",
                ["NewsCms__Media__FileSystem__RootPath"] = Path.Combine(folder, "media"),
                ["NewsCms__Mail__PickupFolder"] = Path.Combine(folder, "mail"),
                // The request lines: ASP.NET Core's own are filtered out at Warning by appsettings.json.
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            });
            await server.WaitForLineAsync("NewsCms GraphQL answers at", TimeSpan.FromSeconds(60), Cancel);
            var address = GraphQLAddress().Match(server.Output).Groups["address"].Value;

            var trace = ActivityTraceId.CreateRandom().ToHexString();
            var parent = ActivitySpanId.CreateRandom().ToHexString();
            // Send the traceparent as written: while an in-process telemetry test runs a tracer in this test process,
            // HttpClient and OpenTelemetry's HttpClient instrumentation would each replace the header with their own trace.
            using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() });
            using var untraced = SuppressInstrumentationScope.Begin();
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = JsonContent.Create(new { query = "query LogProbe { sections { slug } }" }) };
            request.Headers.Add("traceparent", $"00-{trace}-{parent}-01");
            using var response = await http.SendAsync(request, Cancel);
            response.EnsureSuccessStatusCode();

            var line = await WaitForLineAsync(server, entry => TraceIdOf(entry) == trace);
            Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", line.GetProperty("Category").GetString());
            Assert.Contains("/graphql", line.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$", line.GetProperty("Timestamp").GetString()!);
            var scope = ActivityScopeOf(line)!.Value;
            Assert.Equal(parent, scope.GetProperty("ParentId").GetString());
            Assert.Matches("^[0-9a-f]{16}$", scope.GetProperty("SpanId").GetString()!);
            Assert.NotEqual(parent, scope.GetProperty("SpanId").GetString());

            // Not one line of another shape, from start-up to this request.
            Assert.All(server.Lines, text => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(text).RootElement.ValueKind));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonElement> WaitForLineAsync(RunningProcess server, Func<JsonElement, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // The console logger writes from a queue: the request's lines come a moment after its answer.
            foreach (var text in server.Lines)
            {
                using var document = JsonDocument.Parse(text);
                if (match(document.RootElement))
                {
                    return document.RootElement.Clone();
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.Fail($"No log line matched within 15 s. Output:\n{server.Output}");
            }

            await Task.Delay(100, Cancel);
        }
    }

    private static string? TraceIdOf(JsonElement entry) =>
        ActivityScopeOf(entry) is { } scope ? scope.GetProperty("TraceId").GetString() : null;

    /// <summary>The scope the logger opens for the current activity: an object with TraceId, SpanId and ParentId.</summary>
    private static JsonElement? ActivityScopeOf(JsonElement entry)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            {
                return scope;
            }
        }

        return null;
    }

    [GeneratedRegex(@"NewsCms GraphQL answers at (?<address>http://127\.0\.0\.1:\d+/graphql)")]
    private static partial Regex GraphQLAddress();
}
