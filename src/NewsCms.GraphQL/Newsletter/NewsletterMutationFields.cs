using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Http;

namespace NewsCms.GraphQL.Newsletter;

internal static class NewsletterMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NewsletterSignUpGraphType>>("subscribeToNewsletter")
            .Description("Public: asks for newsletters at an address. A message with a confirmation link follows unless the address is confirmed already; the answer is the same either way. VALIDATION for a malformed address or an unknown list; RATE_LIMITED (with `extensions.retryAfterSeconds`) when one network address or one e-mail address signs up too often.")
            .AllowAnonymousCallers()
            .Argument<NonNullGraphType<StringGraphType>>("email", a => a.Description = $"The address to send to; at most {NewsletterSubscription.EmailMaxLength} characters.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("lists", a => a.Description = $"The slugs of the lists wanted. Omitted or empty: the weekly newsletter (`{NewsletterList.WeeklySlug}`).")
            .ResolveAsync(async c =>
            {
                await c.Service<NewsletterSubscriptions>().SubscribeAsync(
                    c.GetArgument<string>("email"), c.GetArgument<List<string>?>("lists"), c.ClientAddressOf(), NewsletterSubscriptions.DefaultSource, c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("confirmNewsletterSubscription")
            .Description("Public: confirms the sign-up a confirmation link stands for and returns the slugs of its lists. VALIDATION on `token` when the link is altered, expired or its subscription gone.")
            .AllowAnonymousCallers()
            .Argument<NonNullGraphType<StringGraphType>>("token", a => a.Description = "The `token` parameter of the confirmation link.")
            .ResolveAsync(async c => await c.Service<NewsletterSubscriptions>().ConfirmAsync(c.GetArgument<string>("token"), c.CancellationToken));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("unsubscribeFromNewsletter")
            .Description("Public: ends the subscriptions an unsubscribe link stands for; always true, however often it is called. VALIDATION on `token` when the link is altered.")
            .AllowAnonymousCallers()
            .Argument<NonNullGraphType<StringGraphType>>("token", a => a.Description = "The `token` parameter of the unsubscribe link.")
            .ResolveAsync(async c =>
            {
                await c.Service<NewsletterSubscriptions>().UnsubscribeAsync(c.GetArgument<string>("token"), c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<NewsletterListGraphType>>("createNewsletterList")
            .Description("Creates a newsletter list readers may then subscribe to. Audited.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<NewsletterListInputGraphType>>("input", a => a.Description = "The new list.")
            .ResolveAsync(async c =>
            {
                var input = InputFields.Of(c, "input");
                return await c.Service<NewsletterSubscriptions>().CreateListAsync(
                    c.Actor(), new NewsletterListInput(input.Required<string>("name"), input.Text("slug"), input.Text("description")), c.CancellationToken);
            });
    }
}
