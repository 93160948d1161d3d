using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sponsors;

namespace NewsCms.GraphQL.Sponsors;

internal static class SponsorQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SponsorGraphType>>>>("sponsors")
            .Description("The sponsors active now, in display order: the sponsor strip.")
            .Argument<SponsorTierGraphType>("tier", a => a.Description = "Only sponsors of this tier.")
            .ResolveAsync(async c => await c.Service<SponsorDirectory>().ActiveAsync(c.GetArgument<SponsorTier?>("tier"), c.CancellationToken));
}
