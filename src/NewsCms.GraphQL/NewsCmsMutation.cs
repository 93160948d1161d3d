using GraphQL.Types;
using NewsCms.GraphQL.Applications;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Newsletter;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Staff;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL;

/// <summary>
/// The root of every write. Each feature folder adds its own fields. Mutations are staff-only unless a field is
/// marked public with <see cref="Authorization.Access.AllowAnonymousCallers{T}"/>.
/// </summary>
public sealed class NewsCmsMutation : ObjectGraphType
{
    public NewsCmsMutation()
    {
        Name = "Mutation";
        Description = "Changes: editorial work for staff, and the few public requests readers and partners make.";
        SectionMutationFields.AddTo(this);
        AuthorMutationFields.AddTo(this);
        TagMutationFields.AddTo(this);
        SponsorMutationFields.AddTo(this);
        ApplicationMutationFields.AddTo(this);
        NewsletterMutationFields.AddTo(this);
        CorrectionMutationFields.AddTo(this);
        StaffMutationFields.AddTo(this);
        PasskeyFields.AddMutationsTo(this);
        ArticleMutationFields.AddTo(this);
        PreviewMutationFields.AddTo(this);
        MediaLibraryMutationFields.AddTo(this);
        MediaMutationFields.AddTo(this);
    }
}
