using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Audit;

/// <summary>The audit log over GraphQL: administrators read it by object or by person, nobody else reads it, nobody writes it.</summary>
public sealed class AuditLogApiTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string EntryFields = "id occurredAt actor operation entityType entityId summary";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_reads_one_objects_history_newest_first_page_by_page()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        var adminEmail = (await admin.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString();
        var tokenId = (await admin.DataAsync("mutation { createApiToken(name: \"audited\") { token { id } } }")).GetProperty("createApiToken").GetProperty("token").GetProperty("id").GetString();
        await admin.DataAsync($"mutation {{ revokeApiToken(id: \"{tokenId}\") {{ id }} }}");

        var first = (await admin.DataAsync($"{{ auditLog(entityId: \"{tokenId}\", first: 1) {{ nodes {{ {EntryFields} }} pageInfo {{ hasNextPage endCursor }} }} }}")).GetProperty("auditLog");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await admin.DataAsync($"{{ auditLog(entityId: \"{tokenId}\", first: 1, after: \"{cursor}\") {{ nodes {{ operation }} pageInfo {{ hasNextPage }} }} }}")).GetProperty("auditLog");

        var newest = Assert.Single(first.GetProperty("nodes").EnumerateArray());
        Assert.Equal("revokeApiToken", newest.GetProperty("operation").GetString());
        Assert.Equal("ApiToken", newest.GetProperty("entityType").GetString());
        Assert.Equal(tokenId, newest.GetProperty("entityId").GetString());
        Assert.Equal(adminEmail, newest.GetProperty("actor").GetString());
        Assert.Contains("audited", newest.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["createApiToken"], second.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("operation").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task The_actor_filter_shows_what_one_person_did()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);
        using var writer = await api.StaffClientAsync(StaffRoles.Writer, Cancel);
        var writerEmail = (await writer.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString()!;
        await writer.DataAsync("mutation { createApiToken(name: \"writer's own\") { secret } }");

        var entries = (await admin.DataAsync($"{{ auditLog(actor: \"{writerEmail.ToUpperInvariant()}\") {{ nodes {{ actor operation }} }} }}"))
            .GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();

        var entry = Assert.Single(entries);
        Assert.Equal(writerEmail, entry.GetProperty("actor").GetString());
        Assert.Equal("createApiToken", entry.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task Editors_are_forbidden_and_anonymous_callers_must_sign_in()
    {
        using var editor = await api.StaffClientAsync(StaffRoles.Editor, Cancel);
        using var anonymous = api.CreateClientOrSkip();

        Assert.Equal(["FORBIDDEN"], await editor.ErrorCodesAsync("{ auditLog { nodes { summary } } }"));
        Assert.Equal(["UNAUTHENTICATED"], await anonymous.ErrorCodesAsync("{ auditLog { nodes { summary } } }"));
    }

    [Fact]
    public async Task An_id_that_is_not_a_global_id_is_a_validation_error()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);

        Assert.Equal(["VALIDATION"], await admin.ErrorCodesAsync("{ auditLog(entityId: \"42\") { nodes { summary } } }"));
    }

    [Fact]
    public async Task No_mutation_changes_or_deletes_audit_entries()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.Administrator, Cancel);

        var mutation = (await admin.DataAsync("{ __type(name: \"Mutation\") { fields { name type { name ofType { name } } } } }")).GetProperty("__type");

        Assert.DoesNotContain(mutation.GetProperty("fields").EnumerateArray(), field =>
            field.GetProperty("name").GetString()!.Contains("audit", StringComparison.OrdinalIgnoreCase)
            || field.GetProperty("type").GetRawText().Contains("AuditEntry", StringComparison.Ordinal));
    }
}
