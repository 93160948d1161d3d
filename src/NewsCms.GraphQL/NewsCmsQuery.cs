using GraphQL.Types;
using NewsCms.GraphQL.Applications;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Audit;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Newsletter;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Routing;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Staff;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL;

/// <summary>The root of every read. Each feature folder adds its own fields.</summary>
public sealed class NewsCmsQuery : ObjectGraphType
{
    public NewsCmsQuery()
    {
        Name = "Query";
        Description = "Published content of the publication.";
        NodeQueryFields.AddTo(this);
        ArticleQueryFields.AddTo(this);
        EditorialArticleQueryFields.AddTo(this);
        SectionQueryFields.AddTo(this);
        AuthorQueryFields.AddTo(this);
        TagQueryFields.AddTo(this);
        SponsorQueryFields.AddTo(this);
        ApplicationQueryFields.AddTo(this);
        NewsletterQueryFields.AddTo(this);
        RouteQueryFields.AddTo(this);
        StaffQueryFields.AddTo(this);
        PasskeyFields.AddQueryTo(this);
        PreviewQueryFields.AddTo(this);
        AuditQueryFields.AddTo(this);
        MediaLibraryQueryFields.AddTo(this);
    }
}
