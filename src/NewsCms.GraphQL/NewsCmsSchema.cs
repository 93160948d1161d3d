using GraphQL;
using GraphQL.Types;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL;

public sealed class NewsCmsSchema : Schema
{
    public NewsCmsSchema(IServiceProvider services, NewsCmsQuery query, NewsCmsMutation mutation)
        : base(services)
    {
        Description = "NewsCms: the content API of a business news publication.";
        Query = query;
        Mutation = mutation;

        // Reachable only through the Node interface until a field names them, so they are registered by hand.
        this.RegisterType<ArticleGraphType>();
        this.RegisterType<SectionGraphType>();
        this.RegisterType<AuthorGraphType>();
        this.RegisterType<TagGraphType>();
        this.RegisterType<SponsorGraphType>();

        // The built-in Long comes without a description, and every type of this schema has one.
        this.ReplaceScalar(new LongGraphType { Description = "A whole number of 64 bits, such as a file's size in bytes." });
    }
}
