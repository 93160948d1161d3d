using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Authors;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Authors;

internal static class AuthorQueryFields
{
    private const int DefaultListed = 50;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<AuthorGraphType>("author")
            .Description("The author with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The author's slug.")
            .ResolveAsync(async c => await c.Service<AuthorDirectory>().FindBySlugAsync(c.GetArgument<string>("slug"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorGraphType>>>>("authors")
            .Description("Staff only: authors by name, narrowed by `search`; the list to pick from or to edit.")
            .RequireSignedIn()
            .Argument<StringGraphType>("search", a => a.Description = "Only authors whose name (in any case) or slug contains this text.")
            .Argument<IntGraphType>("first", a => a.Description = $"How many to return: {DefaultListed} by default, at most {AuthorDirectory.MaxListed}.")
            .ResolveAsync(async c => await c.Service<AuthorDirectory>().ListAsync(
                c.GetArgument<string?>("search"), c.GetArgument<int?>("first") ?? DefaultListed, c.CancellationToken));
    }
}
