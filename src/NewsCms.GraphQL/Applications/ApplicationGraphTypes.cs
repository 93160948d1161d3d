using GraphQL.Types;
using NewsCms.Core.Applications;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Staff;

namespace NewsCms.GraphQL.Applications;

/// <summary>The fields both kinds of application share. Applicants' personal data: the partnerships team's only.</summary>
internal static class ApplicationFields
{
    public static void AddTo<T>(ObjectGraphType<T> type, string typeName)
        where T : Application
    {
        type.RequirePermission(Permission.ManagePartnerships);
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The application's global id.").Resolve(c => GlobalId.Encode(typeName, c.Source.Id));
        type.Field<NonNullGraphType<StringGraphType>>("email").Description("The applicant's e-mail address, in lowercase.").Resolve(c => c.Source.Email);
        type.Field<NonNullGraphType<BooleanGraphType>>("consentToContact").Description("Whether the applicant agreed to be contacted; always true for stored applications.").Resolve(c => c.Source.ConsentToContact);
        type.Field<NonNullGraphType<ApplicationStatusGraphType>>("status").Description("Where the team is with the application.").Resolve(c => c.Source.Status);
        type.Field<IdGraphType>("reviewerId").Description("The global id of the staff member reviewing it; null when nobody is assigned.")
            .Resolve(c => c.Source.ReviewerUserId is { } id ? GlobalId.Encode(StaffIds.TypeName, id) : null);
        type.Field<StringGraphType>("reviewerEmail").Description("The e-mail address of the staff member reviewing it; null when nobody is assigned.")
            .Resolve(c => c.Source.ReviewerUserId is { } id ? c.Service<StaffEmailByIdLoader>().Load(id) : null);
        type.Field<NonNullGraphType<DateTimeGraphType>>("submittedAt").Description("When it arrived, in UTC.").Resolve(c => c.Source.SubmittedAt);
        type.Field<DateTimeGraphType>("decidedAt").Description("When it was accepted, declined or withdrawn, in UTC; retention counts from here.").Resolve(c => c.Source.DecidedAt);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationNoteGraphType>>>>("notes")
            .Description("The team's internal notes, oldest first; never shown to the applicant.")
            .Resolve(c => c.Service<ApplicationNotesLoader>().Load(c.Source.Id));
        type.Field<NonNullGraphType<IntGraphType>>("version").Description("The application's version, to send back as `expectedVersion` when changing it.").Resolve(c => c.Source.Version);
    }
}

public sealed class SpeakerApplicationGraphType : ObjectGraphType<SpeakerApplication>
{
    public const string TypeName = "SpeakerApplication";

    public SpeakerApplicationGraphType()
    {
        Name = TypeName;
        Description = "Staff only: a proposal to speak, as sent through the public form.";
        ApplicationFields.AddTo(this, TypeName);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The speaker's name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("company").Description("The speaker's company.").Resolve(c => c.Source.Company);
        Field<StringGraphType>("jobTitle").Description("The speaker's job title.").Resolve(c => c.Source.JobTitle);
        Field<NonNullGraphType<StringGraphType>>("talkTitle").Description("The proposed talk's title.").Resolve(c => c.Source.TalkTitle);
        Field<NonNullGraphType<StringGraphType>>("abstract").Description("What the talk is about.").Resolve(c => c.Source.Abstract);
        Field<NonNullGraphType<StringGraphType>>("shortBio").Description("A short biography of the speaker.").Resolve(c => c.Source.ShortBio);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Description("The talk's topics.").Resolve(c => c.Source.Topics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("links").Description("Links to the speaker's earlier talks or profiles: http or https addresses.").Resolve(c => c.Source.Links);
        Field<StringGraphType>("event").Description("The event the talk is proposed for; null means any.").Resolve(c => c.Source.EventName);
    }
}

public sealed class PartnerApplicationGraphType : ObjectGraphType<PartnerApplication>
{
    public const string TypeName = "PartnerApplication";

    public PartnerApplicationGraphType()
    {
        Name = TypeName;
        Description = "Staff only: a company's request to partner with the publication, as sent through the public form.";
        ApplicationFields.AddTo(this, TypeName);
        Field<NonNullGraphType<StringGraphType>>("company").Description("The company.").Resolve(c => c.Source.Company ?? "");
        Field<NonNullGraphType<StringGraphType>>("contactName").Description("The contact person's name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("phone").Description("The contact's phone number.").Resolve(c => c.Source.Phone);
        Field<StringGraphType>("website").Description("The company's website.").Resolve(c => c.Source.Website);
        Field<NonNullGraphType<PartnershipKindGraphType>>("kind").Description("The kind of partnership asked for.").Resolve(c => c.Source.PartnershipKind);
        Field<BudgetRangeGraphType>("budget").Description("The budget the company named; null when it named none.").Resolve(c => c.Source.Budget);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What the company wrote.").Resolve(c => c.Source.Message);
    }
}

public sealed class ApplicationNoteGraphType : ObjectGraphType<ApplicationNote>
{
    public ApplicationNoteGraphType()
    {
        Name = "ApplicationNote";
        Description = "Staff only: an internal note on an application.";
        this.RequirePermission(Permission.ManagePartnerships);
        Field<StringGraphType>("authorEmail").Description("The e-mail address of the staff member who wrote it; null when the account is gone.")
            .Resolve(c => c.Source.AuthorUserId is { } id ? c.Service<StaffEmailByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was written, in UTC.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The note.").Resolve(c => c.Source.Text);
    }
}

public sealed class ApplicationReceiptGraphType : ObjectGraphType<ApplicationReceipt>
{
    public ApplicationReceiptGraphType()
    {
        Name = "ApplicationReceipt";
        Description = "The confirmation a public applicant gets: that the application arrived, and when. A confirmation e-mail follows.";
        Field<NonNullGraphType<BooleanGraphType>>("received").Description("Always true: the application arrived.").Resolve(_ => true);
        Field<NonNullGraphType<DateTimeGraphType>>("submittedAt").Description("When it arrived, in UTC; a retry with the same idempotency key answers the first time.").Resolve(c => c.Source.SubmittedAt);
    }
}

public sealed class ApplicationStatusGraphType : EnumerationGraphType<ApplicationStatus>
{
    public ApplicationStatusGraphType()
    {
        Name = "ApplicationStatus";
        Description = "Where an application is: NEW, IN_REVIEW, then ACCEPTED, DECLINED or WITHDRAWN, which are final. NEW may also be declined or withdrawn at once; IN_REVIEW may go back to NEW.";
    }
}

public sealed class PartnershipKindGraphType : EnumerationGraphType<PartnershipKind>
{
    public PartnershipKindGraphType()
    {
        Name = "PartnershipKind";
        Description = "The kind of partnership a company asks for.";
    }
}

public sealed class BudgetRangeGraphType : EnumerationGraphType<BudgetRange>
{
    public BudgetRangeGraphType()
    {
        Name = "BudgetRange";
        Description = "The budget a company has in mind for a partnership.";
    }
}

public sealed class SpeakerApplicationConnectionGraphType()
    : ConnectionGraphType<SpeakerApplicationGraphType, SpeakerApplicationEdgeGraphType, SpeakerApplication>(SpeakerApplicationGraphType.TypeName);

public sealed class SpeakerApplicationEdgeGraphType() : EdgeGraphType<SpeakerApplicationGraphType, SpeakerApplication>(SpeakerApplicationGraphType.TypeName);

public sealed class PartnerApplicationConnectionGraphType()
    : ConnectionGraphType<PartnerApplicationGraphType, PartnerApplicationEdgeGraphType, PartnerApplication>(PartnerApplicationGraphType.TypeName);

public sealed class PartnerApplicationEdgeGraphType() : EdgeGraphType<PartnerApplicationGraphType, PartnerApplication>(PartnerApplicationGraphType.TypeName);

/// <summary>Every application type, for mutations that work on either kind.</summary>
public sealed class ApplicationUnionGraphType : UnionGraphType
{
    public ApplicationUnionGraphType()
    {
        Name = "Application";
        Description = "Staff only: a speaker or a partner application.";
        this.RequirePermission(Permission.ManagePartnerships);
        Type<SpeakerApplicationGraphType>();
        Type<PartnerApplicationGraphType>();
        ResolveType = value => value switch
        {
            SpeakerApplication => PossibleTypes.First(t => t.Name == SpeakerApplicationGraphType.TypeName),
            _ => PossibleTypes.First(t => t.Name == PartnerApplicationGraphType.TypeName),
        };
    }
}

public sealed class ApplicationNotesLoader(ApplicationReview review) : Loading.GroupedBatchLoader<ApplicationNote>
{
    protected override Task<ILookup<int, ApplicationNote>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        review.NotesOfAsync(keys, cancellationToken);
}
