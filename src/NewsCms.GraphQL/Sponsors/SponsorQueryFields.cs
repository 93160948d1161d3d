using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Sponsors;

internal static class SponsorQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SponsorGraphType>>>>("sponsors")
            .Description("The sponsors active now, in display order: the sponsor strip. Link each with its `trackingUrl`.")
            .Argument<SponsorPlacementGraphType>("placement", a => a.Description = "Only sponsors shown in this placement.")
            .Argument<SponsorTierGraphType>("tier", a => a.Description = "Only sponsors of this tier.")
            .ResolveAsync(async c => await c.Service<SponsorDirectory>().ActiveAsync(
                c.GetArgument<SponsorPlacements?>("placement"), c.GetArgument<SponsorTier?>("tier"), c.CancellationToken));

        // The strip hides sponsors outside their window, and those are the ones the partnerships team must find to edit.
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SponsorGraphType>>>>("allSponsors")
            .Description("Staff only: every sponsor, whether its active window has begun, is running or has ended, in display order.")
            .RequirePermission(Permission.ManageSponsors)
            .ResolveAsync(async c => await c.Service<SponsorDirectory>().AllAsync(c.CancellationToken));
    }
}
