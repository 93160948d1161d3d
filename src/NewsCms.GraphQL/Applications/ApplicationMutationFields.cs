using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Applications;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Http;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Staff;

namespace NewsCms.GraphQL.Applications;

internal static class ApplicationMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplicationReceiptGraphType>>("applyToSpeak")
            .Description("Public: proposes a talk. VALIDATION names every wrong field at once; RATE_LIMITED with `extensions.retryAfterSeconds` when one address or e-mail sends too many. A confirmation e-mail follows.")
            .AllowAnonymousCallers()
            .Argument<NonNullGraphType<SpeakerApplicationInputGraphType>>("input", a => a.Description = "The proposal.")
            .ResolveAsync(async c =>
            {
                var input = InputFields.Of(c, "input");
                return await c.Service<ApplicationIntake>().ApplyToSpeakAsync(c.ClientAddressOf(), new SpeakerApplicationInput(
                    input.Text("name"),
                    input.Text("email"),
                    input.Text("company"),
                    input.Text("jobTitle"),
                    input.Text("talkTitle"),
                    input.Text("abstract"),
                    input.Text("shortBio"),
                    Texts(input["topics"]),
                    Texts(input["links"]),
                    input.Text("event"),
                    input["consentToContact"] is true,
                    input.Text("idempotencyKey"),
                    input.Text("nickname")), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ApplicationReceiptGraphType>>("applyToPartner")
            .Description("Public: asks to partner with the publication. VALIDATION names every wrong field at once; RATE_LIMITED with `extensions.retryAfterSeconds` when one address or e-mail sends too many. A confirmation e-mail follows.")
            .AllowAnonymousCallers()
            .Argument<NonNullGraphType<PartnerApplicationInputGraphType>>("input", a => a.Description = "The request.")
            .ResolveAsync(async c =>
            {
                var input = InputFields.Of(c, "input");
                return await c.Service<ApplicationIntake>().ApplyToPartnerAsync(c.ClientAddressOf(), new PartnerApplicationInput(
                    input.Text("company"),
                    input.Text("contactName"),
                    input.Text("email"),
                    input.Text("phone"),
                    input.Text("website"),
                    input["kind"] as PartnershipKind?,
                    input["budget"] as BudgetRange?,
                    input.Text("message"),
                    input["consentToContact"] is true,
                    input.Text("idempotencyKey"),
                    input.Text("nickname")), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ApplicationUnionGraphType>>("moveApplication")
            .Description("Staff only: moves an application to another status (see ApplicationStatus for which may follow which; anything else is VALIDATION). Accepting or declining e-mails the applicant.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The application's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the application at.")
            .Argument<NonNullGraphType<ApplicationStatusGraphType>>("status", a => a.Description = "The new status.")
            .ResolveAsync(async c => (object)await c.Service<ApplicationReview>().MoveAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.GetArgument<ApplicationStatus>("status"), c.CancellationToken));

        mutation.Field<NonNullGraphType<ApplicationUnionGraphType>>("assignApplicationReviewer")
            .Description("Staff only: names the staff member who reviews an application, or nobody.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The application's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the application at.")
            .Argument<IdGraphType>("reviewerId", a => a.Description = "The reviewer's StaffUser global id; null removes the reviewer.")
            .ResolveAsync(async c => (object)await c.Service<ApplicationReview>().AssignReviewerAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"),
                GlobalIdArguments.Optional(c.GetArgument<object?>("reviewerId"), StaffIds.TypeName, "reviewerId"), c.CancellationToken));

        mutation.Field<NonNullGraphType<ApplicationUnionGraphType>>("addApplicationNote")
            .Description("Staff only: adds an internal note to an application.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The application's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the application at.")
            .Argument<NonNullGraphType<StringGraphType>>("text", a => a.Description = $"The note; at most {ApplicationNote.TextMaxLength} characters.")
            .ResolveAsync(async c => (object)await c.Service<ApplicationReview>().AddNoteAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.GetArgument<string>("text"), c.CancellationToken));

        mutation.Field<NonNullGraphType<AcceptPartnerApplicationPayloadGraphType>>("acceptPartnerApplication")
            .Description("Staff only: accepts a partner application (it must be IN_REVIEW), e-mails the company, and with `createSponsor` makes a sponsor of it in the same transaction.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The partner application's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the application at.")
            .Argument<BooleanGraphType>("createSponsor", a => { a.Description = "Also create a sponsor (tier PARTNER, slug from the company name) from the application."; a.DefaultValue = false; })
            .ResolveAsync(async c => (object)await c.Service<ApplicationReview>().AcceptPartnerAsync(
                c.Actor(),
                GlobalIdArguments.Require(c.GetArgument<string>("id"), PartnerApplicationGraphType.TypeName, "The partner application"),
                c.GetArgument<int>("expectedVersion"),
                c.GetArgument<bool>("createSponsor"),
                c.CancellationToken));

        mutation.Field<NonNullGraphType<IntGraphType>>("eraseApplicantData")
            .Description("Staff only: erases everything kept about the person with this e-mail address (applications, the notes on them, unsent and sent mail to them) and returns how many rows went. The audit log records the count, not the address.")
            .RequirePermission(Permission.ManagePartnerships)
            .Argument<NonNullGraphType<StringGraphType>>("email", a => a.Description = "The person's e-mail address, in any case.")
            .ResolveAsync(async c => await c.Service<ApplicationRetention>().EraseApplicantAsync(c.Actor(), c.GetArgument<string>("email"), c.CancellationToken));
    }

    private static List<string>? Texts(object? value) => value is IEnumerable<object?> items ? items.OfType<string>().ToList() : null;

    private static int IdOf(IResolveFieldContext c) => ApplicationIds.Require(c.GetArgument<string>("id"));
}

/// <summary>An application's global id names its kind; either kind is accepted wherever an application is asked for.</summary>
internal static class ApplicationIds
{
    public static int Require(string id) =>
        GlobalId.TryDecode(id, out var type, out var number)
        && type is SpeakerApplicationGraphType.TypeName or PartnerApplicationGraphType.TypeName
            ? number
            : throw NewsCmsException.NotFound("The application");
}

public sealed class AcceptPartnerApplicationPayloadGraphType : ObjectGraphType<(PartnerApplication Application, Core.Sponsors.Sponsor? Sponsor)>
{
    public AcceptPartnerApplicationPayloadGraphType()
    {
        Name = "AcceptPartnerApplicationPayload";
        Description = "Staff only: the accepted application, and the sponsor made from it.";
        this.RequirePermission(Permission.ManagePartnerships);
        Field<NonNullGraphType<PartnerApplicationGraphType>>("application").Description("The application, now ACCEPTED.").Resolve(c => c.Source.Application);
        Field<SponsorGraphType>("sponsor").Description("The sponsor made from it; null unless `createSponsor` was true.").Resolve(c => c.Source.Sponsor);
    }
}

public sealed class SpeakerApplicationInputGraphType : InputObjectGraphType
{
    public SpeakerApplicationInputGraphType()
    {
        Name = "SpeakerApplicationInput";
        Description = "A talk proposal. Fields marked required are checked by the server, so that one VALIDATION answer names every missing or wrong field.";
        Field<StringGraphType>("name").Description($"Required: your name; at most {Application.NameMaxLength} characters.");
        Field<StringGraphType>("email").Description("Required: your e-mail address, where we answer.");
        Field<StringGraphType>("company").Description($"Your company; at most {Application.CompanyMaxLength} characters.");
        Field<StringGraphType>("jobTitle").Description($"Your job title; at most {SpeakerApplication.JobTitleMaxLength} characters.");
        Field<StringGraphType>("talkTitle").Description($"Required: the talk's title; at most {SpeakerApplication.TalkTitleMaxLength} characters.");
        Field<StringGraphType>("abstract").Description($"Required: what the talk is about; at most {SpeakerApplication.AbstractMaxLength} characters.");
        Field<StringGraphType>("shortBio").Description($"Required: a short biography; at most {SpeakerApplication.ShortBioMaxLength} characters.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("topics").Description($"The talk's topics: at most {SpeakerApplication.MaxTopics}, each at most {SpeakerApplication.TopicMaxLength} characters.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("links").Description($"Links to earlier talks or profiles: at most {SpeakerApplication.MaxLinks} absolute http or https addresses.");
        Field<StringGraphType>("event").Description($"The event the talk is for; omitted means any. At most {SpeakerApplication.EventMaxLength} characters.");
        Field<BooleanGraphType>("consentToContact").Description("Required true: you agree that we contact you about the proposal.");
        Field<StringGraphType>("idempotencyKey").Description($"A key you make up for this submission (a UUID, say); sending it again with the same e-mail returns the first receipt instead of applying twice. At most {Application.IdempotencyKeyMaxLength} characters.");
        Field<StringGraphType>("nickname").Description("Leave empty: a field forms hide from people to catch automated submissions.");
    }
}

public sealed class PartnerApplicationInputGraphType : InputObjectGraphType
{
    public PartnerApplicationInputGraphType()
    {
        Name = "PartnerApplicationInput";
        Description = "A partnership request. Fields marked required are checked by the server, so that one VALIDATION answer names every missing or wrong field.";
        Field<StringGraphType>("company").Description($"Required: your company; at most {Application.CompanyMaxLength} characters.");
        Field<StringGraphType>("contactName").Description($"Required: the contact person's name; at most {Application.NameMaxLength} characters.");
        Field<StringGraphType>("email").Description("Required: the contact's e-mail address, where we answer.");
        Field<StringGraphType>("phone").Description($"The contact's phone number; at most {PartnerApplication.PhoneMaxLength} characters.");
        Field<StringGraphType>("website").Description("Your company's website: an absolute http or https address.");
        Field<PartnershipKindGraphType>("kind").Description("Required: the kind of partnership.");
        Field<BudgetRangeGraphType>("budget").Description("The budget you have in mind.");
        Field<StringGraphType>("message").Description($"Required: what you have in mind; at most {PartnerApplication.MessageMaxLength} characters.");
        Field<BooleanGraphType>("consentToContact").Description("Required true: you agree that we contact you about the request.");
        Field<StringGraphType>("idempotencyKey").Description($"A key you make up for this submission (a UUID, say); sending it again with the same e-mail returns the first receipt instead of applying twice. At most {Application.IdempotencyKeyMaxLength} characters.");
        Field<StringGraphType>("nickname").Description("Leave empty: a field forms hide from people to catch automated submissions.");
    }
}
