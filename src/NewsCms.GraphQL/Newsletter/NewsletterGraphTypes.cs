using GraphQL.Types;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Newsletter;

public sealed class NewsletterSubscriptionStatusGraphType : EnumerationGraphType<NewsletterSubscriptionStatus>
{
    public NewsletterSubscriptionStatusGraphType()
    {
        Name = "NewsletterSubscriptionStatus";
        Description = "Where a subscription stands: PENDING until the confirmation link is opened, then CONFIRMED; UNSUBSCRIBED or BOUNCED when it ended.";
    }
}

/// <summary>Staff only: the list with its counts, which say how many people are on it.</summary>
public sealed class NewsletterListGraphType : ObjectGraphType<NewsletterListSummary>
{
    public NewsletterListGraphType()
    {
        Name = "NewsletterList";
        Description = "A newsletter readers may subscribe to, with how many subscriptions it has in each status. Staff who manage partnerships only.";
        this.RequirePermission(Permission.ManagePartnerships);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The list's name in `subscribeToNewsletter(lists:)` and in exports.").Resolve(c => c.Source.List.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The list's name as readers see it.").Resolve(c => c.Source.List.Name);
        Field<StringGraphType>("description").Description("What the list sends, and how often.").Resolve(c => c.Source.List.Description);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the list was created, in UTC.").Resolve(c => c.Source.List.CreatedAt);
        Field<NonNullGraphType<IntGraphType>>("pendingCount").Description("Sign-ups not yet confirmed.").Resolve(c => c.Source.Pending);
        Field<NonNullGraphType<IntGraphType>>("confirmedCount").Description("Confirmed subscriptions: the people the list is sent to.").Resolve(c => c.Source.Confirmed);
        Field<NonNullGraphType<IntGraphType>>("unsubscribedCount").Description("Subscriptions ended by their subscriber.").Resolve(c => c.Source.Unsubscribed);
        Field<NonNullGraphType<IntGraphType>>("bouncedCount").Description("Subscriptions ended because the address refused delivery.").Resolve(c => c.Source.Bounced);
    }
}

/// <summary>Personal data: an address and what its owner agreed to.</summary>
public sealed class NewsletterSubscriberGraphType : ObjectGraphType<NewsletterSubscriber>
{
    public const string TypeName = "NewsletterSubscriber";

    public NewsletterSubscriberGraphType()
    {
        Name = TypeName;
        Description = "One address on one newsletter list. Personal data: staff who manage partnerships only.";
        this.RequirePermission(Permission.ManagePartnerships);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The subscription's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("list").Description("The slug of the list.").Resolve(c => c.Source.ListSlug);
        Field<NonNullGraphType<StringGraphType>>("email").Description("The address, lower-case.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<NewsletterSubscriptionStatusGraphType>>("status").Description("Where the subscription stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("consentAt").Description("When the subscriber last asked for the list, in UTC.").Resolve(c => c.Source.ConsentAt);
        Field<DateTimeGraphType>("confirmedAt").Description("When the subscriber confirmed through the link, in UTC; null until then.").Resolve(c => c.Source.ConfirmedAt);
        Field<DateTimeGraphType>("unsubscribedAt").Description("When the subscriber last unsubscribed, in UTC.").Resolve(c => c.Source.UnsubscribedAt);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Where the sign-up came from, such as `website`.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the address first signed up for the list, in UTC.").Resolve(c => c.Source.CreatedAt);
    }
}

public sealed class NewsletterSubscriberConnectionGraphType()
    : ConnectionGraphType<NewsletterSubscriberGraphType, NewsletterSubscriberEdgeGraphType, NewsletterSubscriber>(NewsletterSubscriberGraphType.TypeName);

public sealed class NewsletterSubscriberEdgeGraphType() : EdgeGraphType<NewsletterSubscriberGraphType, NewsletterSubscriber>(NewsletterSubscriberGraphType.TypeName);

/// <summary>The same answer for every sign-up, so that nobody learns from it whether an address is subscribed.</summary>
public sealed class NewsletterSignUpGraphType : ObjectGraphType<bool>
{
    public NewsletterSignUpGraphType()
    {
        Name = "NewsletterSignUp";
        Description = "The answer to a sign-up: always accepted. Whether a message follows, and what it says, only the mailbox learns.";
        Field<NonNullGraphType<BooleanGraphType>>("accepted").Description("Always true: the request was taken.").Resolve(c => c.Source);
    }
}

public sealed class NewsletterListInputGraphType : InputObjectGraphType
{
    public NewsletterListInputGraphType()
    {
        Name = "NewsletterListInput";
        Description = "A new newsletter list.";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The list's name as readers see it; at most {NewsletterList.NameMaxLength} characters.");
        Field<StringGraphType>("slug").Description("The list's name in sign-ups and exports: lowercase words joined by hyphens. Omitted: made from the name.");
        Field<StringGraphType>("description").Description($"What the list sends, and how often; at most {NewsletterList.DescriptionMaxLength} characters.");
    }
}
