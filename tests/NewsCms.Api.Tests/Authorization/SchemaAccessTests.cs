using Microsoft.EntityFrameworkCore;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.Api.Tests.Authorization;

/// <summary>
/// Proves authorization for the whole schema rather than for the fields someone remembered to test: every mutation
/// and every guarded field, argument and type (see <see cref="AccessProbes"/>) is called anonymously and with each
/// role that lacks its permission, and must be refused with the right code while the database stays as it was.
/// </summary>
public sealed class SchemaAccessTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    /// <summary>The only mutations a reader or partner may call without signing in.</summary>
    private static readonly HashSet<string> PublicMutations =
        ["applyToSpeak", "applyToPartner", "subscribeToNewsletter", "confirmNewsletterSubscription", "unsubscribeFromNewsletter"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_mutation_is_staff_only_except_the_public_requests_of_readers_and_partners()
    {
        var open = api.Schema().Mutation!.Fields.Where(Access.IsPublicMutation).Select(f => f.Name).ToList();

        Assert.All(open, name => Assert.Contains(name, PublicMutations));
        Assert.Contains(AccessProbes.Of(api.Schema()), p => p.IsMutation);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_with_UNAUTHENTICATED_everywhere_and_nothing_is_written()
    {
        using var anonymous = api.CreateClientOrSkip();
        var probes = AccessProbes.Of(api.Schema());
        var before = await FingerprintAsync();

        var wrong = new List<string>();
        foreach (var probe in probes)
        {
            var codes = await RefusalCodesAsync(anonymous, probe.Document);
            if (!codes.All(code => code == AccessRule.UnauthenticatedCode))
            {
                wrong.Add($"{probe}: [{string.Join(", ", codes)}] for {probe.Document}");
            }
        }

        Assert.True(wrong.Count == 0, "Not refused as UNAUTHENTICATED:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await FingerprintAsync());
        Assert.Contains(probes, p => p.Element == "Mutation.createApiToken");
        Assert.Contains(probes, p => p.Element == "Query.apiTokens");
        Assert.Contains(probes, p => p.Element == "Mutation.uploadMedia");
        Assert.Contains(probes, p => p.Element == "Query.mediaAsset");
        Assert.Contains(probes, p => p.Element == "Query.newsletterSubscribers");
        Assert.Contains(probes, p => p.Element == "Query.newsletterLists");
    }

    [Fact]
    public async Task Staff_whose_role_lacks_the_permission_are_refused_with_FORBIDDEN_and_nothing_is_written()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles.All)
        {
            clients[role] = await api.StaffClientAsync(role, Cancel);
        }

        var probes = AccessProbes.Of(api.Schema());
        var before = await FingerprintAsync();
        var wrong = new List<string>();
        var checkedPairs = 0;
        foreach (var probe in probes)
        {
            foreach (var role in StaffRoles.All.Where(role => !Meets(role, probe)))
            {
                checkedPairs++;
                var codes = await RefusalCodesAsync(clients[role], probe.Document);
                if (!codes.All(code => code == AccessRule.ForbiddenCode))
                {
                    wrong.Add($"{probe} as {role}: [{string.Join(", ", codes)}]");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Not refused as FORBIDDEN:\n" + string.Join("\n", wrong));
        // Subscriber addresses are personal data: an editor, who may do nearly everything else, must not read them.
        Assert.Contains(probes, p => p.Element == "Query.newsletterSubscribers" && !Meets(StaffRoles.Editor, p));
        Assert.Equal(before, await FingerprintAsync());
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(checkedPairs > 0 || probes.All(p => p.Requirements.All(r => r.Permission is null)), "The walk found no permission to refuse.");
    }

    [Fact]
    public async Task Staff_whose_role_has_the_permission_pass_the_rule_on_every_guarded_read()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles.All)
        {
            clients[role] = await api.StaffClientAsync(role, Cancel);
        }

        var wrong = new List<string>();
        // Reads only: a mutation that passes the rule would run, and these probes carry placeholder arguments.
        foreach (var probe in AccessProbes.Of(api.Schema()).Where(p => !p.IsMutation))
        {
            foreach (var role in StaffRoles.All.Where(role => Meets(role, probe)))
            {
                var result = await clients[role].QueryAsync(probe.Document);
                var codes = result.TryGetProperty("errors", out _) ? result.ErrorCodes() : [];
                if (codes.Any(code => code is AccessRule.ForbiddenCode or AccessRule.UnauthenticatedCode))
                {
                    wrong.Add($"{probe} as {role}: [{string.Join(", ", codes)}]");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(wrong.Count == 0, "Refused although the role allows it:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Fragments_are_checked_and_a_cached_document_is_checked_again_for_the_next_caller()
    {
        using var staff = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        using var anonymous = api.CreateClientOrSkip();
        const string viaFragment = "query { ...Tokens } fragment Tokens on Query { apiTokens { name } }";

        Assert.Equal(JsonValueKindArray, (await staff.DataAsync(viaFragment)).GetProperty("apiTokens").ValueKind);
        Assert.Equal([AccessRule.UnauthenticatedCode], await RefusalCodesAsync(anonymous, viaFragment));
        Assert.Equal([AccessRule.UnauthenticatedCode], await RefusalCodesAsync(anonymous, "query { ... on Query { apiTokens { name } } }"));
    }

    [Fact]
    public async Task Only_the_operation_that_runs_is_checked()
    {
        using var anonymous = api.CreateClientOrSkip();
        const string document = "query Public { articles(first: 1) { edges { cursor } } } query Staff { apiTokens { name } }";

        var data = await anonymous.QueryAsync(document, operationName: "Public");
        var refused = await anonymous.QueryAsync(document, operationName: "Staff");

        Assert.False(data.TryGetProperty("errors", out _));
        Assert.False(refused.TryGetProperty("data", out _), "The rule refuses before execution.");
        Assert.Equal([AccessRule.UnauthenticatedCode], refused.ErrorCodes());
    }

    /// <summary>
    /// The codes of a refusal by the rule: the document must not have run at all (no <c>data</c>), so a resolver or
    /// core check that happens to throw the same code cannot stand in for the rule.
    /// </summary>
    private static async Task<IReadOnlyList<string?>> RefusalCodesAsync(HttpClient client, string document)
    {
        var result = await client.QueryAsync(document);
        return result.TryGetProperty("data", out _) ? ["EXECUTED"] : result.ErrorCodes();
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;

    private static bool Meets(string role, AccessProbe probe)
    {
        var actor = new StaffActor(0, "", new HashSet<string> { role });
        return probe.Requirements.All(requirement => requirement.IsMetBy(actor));
    }

    /// <summary>Row counts of every table: a refused call must leave each one as it was.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var db = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var counts = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from our own model, never from input.
#pragma warning disable EF1002
            var count = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Cancel);
#pragma warning restore EF1002
            counts.Add($"{table}={count}");
        }

        return string.Join(", ", counts);
    }
}
