using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Applications;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Applications;

internal static class ApplicationQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SpeakerApplicationConnectionGraphType>>("speakerApplications")
            .Description("Staff only: speaker applications, newest first. Filters combine.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<IntGraphType>("first", a => a.Description = $"How many to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("after", a => a.Description = "Return the applications after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<ApplicationStatusGraphType>("status", a => a.Description = "Only applications with this status.")
            .Argument<DateTimeGraphType>("submittedFrom", a => a.Description = "Only applications submitted at or after this time; without an offset it is read as UTC.")
            .Argument<DateTimeGraphType>("submittedTo", a => a.Description = "Only applications submitted before this time; without an offset it is read as UTC.")
            .ResolveAsync(async c => await c.Service<ApplicationReview>().SpeakerApplicationsAsync(c.Actor(), FilterOf(c), PageOf(c), c.CancellationToken));

        query.Field<NonNullGraphType<PartnerApplicationConnectionGraphType>>("partnerApplications")
            .Description("Staff only: partner applications, newest first. Filters combine.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<IntGraphType>("first", a => a.Description = $"How many to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("after", a => a.Description = "Return the applications after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<ApplicationStatusGraphType>("status", a => a.Description = "Only applications with this status.")
            .Argument<DateTimeGraphType>("submittedFrom", a => a.Description = "Only applications submitted at or after this time; without an offset it is read as UTC.")
            .Argument<DateTimeGraphType>("submittedTo", a => a.Description = "Only applications submitted before this time; without an offset it is read as UTC.")
            .ResolveAsync(async c => await c.Service<ApplicationReview>().PartnerApplicationsAsync(c.Actor(), FilterOf(c), PageOf(c), c.CancellationToken));

        query.Field<NonNullGraphType<ApplicationUnionGraphType>>("application")
            .Description("Staff only: one speaker or partner application by its global id, as a reviewer opens it. NOT_FOUND when there is none.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The application's global id.")
            .ResolveAsync(async c => (object)await c.Service<ApplicationReview>().FindAsync(c.Actor(), ApplicationIds.Require(c.GetArgument<string>("id")), c.CancellationToken));
    }

    private static PageRequest PageOf(IResolveFieldContext c) => PageRequest.Create(c.GetArgument<int?>("first"), c.GetArgument<string?>("after"));

    private static ApplicationFilter FilterOf(IResolveFieldContext c) => new(
        c.GetArgument<ApplicationStatus?>("status"),
        EditorialArguments.Utc(c.GetArgument<object?>("submittedFrom")),
        EditorialArguments.Utc(c.GetArgument<object?>("submittedTo")));
}
