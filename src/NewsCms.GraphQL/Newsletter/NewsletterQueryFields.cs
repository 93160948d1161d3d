using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Common;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Newsletter;

internal static class NewsletterQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NewsletterListGraphType>>>>("newsletterLists")
            .Description("Staff who manage partnerships: every newsletter list, by slug, with its counts per status.")
            .RequirePermission(Permission.ManagePartnerships)
            .ResolveAsync(async c => await c.Service<NewsletterSubscriptions>().ListsAsync(c.Actor(), c.CancellationToken));

        query.Field<NonNullGraphType<NewsletterSubscriberConnectionGraphType>>("newsletterSubscribers")
            .Description("Staff who manage partnerships: the subscriptions of one list, newest first. Filters combine. NOT_FOUND for an unknown list.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<StringGraphType>>("list", a => a.Description = "The list's slug.")
            .Argument<NewsletterSubscriptionStatusGraphType>("status", a => a.Description = "Only subscriptions in this status.")
            .Argument<StringGraphType>("search", a => a.Description = "Only addresses containing this text, in any case.")
            .Argument<IntGraphType>("first", a => a.Description = $"How many subscriptions to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("after", a => a.Description = "Return the subscriptions after this cursor (`pageInfo.endCursor` of the previous page).")
            .ResolveAsync(async c => await c.Service<NewsletterSubscriptions>().SubscribersAsync(
                c.Actor(),
                c.GetArgument<string>("list"),
                c.GetArgument<NewsletterSubscriptionStatus?>("status"),
                c.GetArgument<string?>("search"),
                PageRequest.Create(c.GetArgument<int?>("first"), c.GetArgument<string?>("after")),
                c.CancellationToken));

        query.Field<NonNullGraphType<IntGraphType>>("newsletterSignUpsSince")
            .Description("Staff who manage partnerships: how many sign-ups all lists received since a time, whatever became of them since.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<DateTimeGraphType>>("since", a => a.Description = "Count sign-ups at or after this time; without an offset it is read as UTC.")
            .ResolveAsync(async c => await c.Service<NewsletterSubscriptions>().SignUpsSinceAsync(
                c.Actor(), EditorialArguments.Utc(c.GetArgument<object?>("since")) ?? DateTime.MinValue, c.CancellationToken));
    }
}
