using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.GraphQL;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.Api.Tests.Authorization;

/// <summary>
/// The rule remembers operations that demand nothing, so cached public reads skip it; an operation that touches
/// anything guarded must never be remembered that way, whoever sent it first.
/// </summary>
public sealed class AccessRuleMemoryTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("{ articles(first: 1) { edges { cursor } } }", true)]
    [InlineData("{ articles(first: 1) { edges { cursor } } apiTokens { name } }", false)]
    [InlineData("query { ...F } fragment F on Query { me { email } }", true)]
    [InlineData("query { ...F } fragment F on Query { sponsors { activeFrom } }", false)]
    [InlineData("mutation { createApiToken(name: \"x\") { secret } }", false)]
    public async Task Only_operations_that_touch_nothing_guarded_are_remembered_as_unguarded(string query, bool unguarded)
    {
        api.CreateClientOrSkip().Dispose();
        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var access = api.Services.GetRequiredService<AccessRule>();
        await using var scope = api.Services.CreateAsyncScope();

        // As an administrator, so the walk reports nothing: what it remembers must not depend on who asked.
        await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<NewsCmsSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Document = document,
            Query = query,
            RequestServices = scope.ServiceProvider,
            User = Core.Staff.StaffClaims.ToPrincipal(new Core.Staff.StaffActor(1, "admin@newsroom.test", new HashSet<string> { Core.Staff.StaffRoles.Administrator })),
            CancellationToken = TestContext.Current.CancellationToken,
        });

        Assert.Equal(unguarded, access.IsKnownUnguarded(operation));
    }
}
