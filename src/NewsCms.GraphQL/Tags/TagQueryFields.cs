using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Tags;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Tags;

internal static class TagQueryFields
{
    private const int DefaultListed = 50;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<TagGraphType>("tag")
            .Description("The tag with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The tag's slug.")
            .ResolveAsync(async c => await c.Service<TagDirectory>().FindBySlugAsync(c.GetArgument<string>("slug"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("Staff only: tags by name, narrowed by `search`; the list to pick from or to edit.")
            .RequireSignedIn()
            .Argument<StringGraphType>("search", a => a.Description = "Only tags whose name (in any case) or slug contains this text.")
            .Argument<IntGraphType>("first", a => a.Description = $"How many to return: {DefaultListed} by default, at most {TagDirectory.MaxListed}.")
            .ResolveAsync(async c => await c.Service<TagDirectory>().ListAsync(
                c.GetArgument<string?>("search"), c.GetArgument<int?>("first") ?? DefaultListed, c.CancellationToken));
    }
}
