using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;

namespace NewsCms.Api.Tests.Http;

/// <summary>
/// The GraphQL Foundation's reference audit of GraphQL over HTTP (npm graphql-http), run against the real server on
/// a loopback socket. Our transport is hand-written, so this is what keeps it honest.
/// </summary>
public sealed class GraphQLHttpAuditTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Every_server_audit_passes_without_errors_or_warnings()
    {
        var tools = NodeTools.RequireToolsFolder();
        var url = new Uri(api.StartKestrel(), "/graphql");

        var output = await NodeTools.RunAsync(tools, Path.Combine(tools, "graphql-http-audit.mjs"), url.ToString());

        var report = JsonDocument.Parse(output).RootElement;
        var failures = report.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() is "error" or "warn")
            .Select(r => $"{r.GetProperty("id").GetString()} {r.GetProperty("name").GetString()}: {r.GetProperty("reason")}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(report.GetProperty("counts").GetProperty("ok").GetInt32() >= 50, output);
    }
}
