using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Tags;

namespace NewsCms.GraphQL.Tags;

internal static class TagQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<TagGraphType>("tag")
            .Description("The tag with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The tag's slug.")
            .ResolveAsync(async c => await c.Service<TagDirectory>().FindBySlugAsync(c.GetArgument<string>("slug"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("Every tag, by name: a tag picker's choices or a topics page.")
            .ResolveAsync(async c => await c.Service<TagDirectory>().AllAsync(c.CancellationToken));
    }
}
