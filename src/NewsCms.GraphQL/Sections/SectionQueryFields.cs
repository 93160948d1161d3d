using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sections;

namespace NewsCms.GraphQL.Sections;

internal static class SectionQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("The top-level sections in display order; walk `children` for the rest of the tree.")
            .ResolveAsync(async c => await c.Service<SectionTree>().RootsAsync(c.CancellationToken));

        query.Field<SectionGraphType>("section")
            .Description("The section with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The section's slug.")
            .ResolveAsync(async c => await c.Service<SectionTree>().FindBySlugAsync(c.GetArgument<string>("slug"), c.CancellationToken));
    }
}
