using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Authors;

namespace NewsCms.GraphQL.Authors;

internal static class AuthorQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<AuthorGraphType>("author")
            .Description("The author with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The author's slug.")
            .ResolveAsync(async c => await c.Service<AuthorDirectory>().FindBySlugAsync(c.GetArgument<string>("slug"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorGraphType>>>>("authors")
            .Description("Every author, by name: a byline picker's choices or a staff page.")
            .ResolveAsync(async c => await c.Service<AuthorDirectory>().AllAsync(c.CancellationToken));
    }
}
