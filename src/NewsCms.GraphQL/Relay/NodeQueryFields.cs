using GraphQL;
using GraphQL.Types;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Relay;

internal static class NodeQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or is not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The object's global id.")
            .Resolve(c =>
            {
                if (!GlobalId.TryDecode(c.GetArgument<string>("id"), out var type, out var id))
                {
                    return null;
                }

                return type switch
                {
                    ArticleGraphType.TypeName => c.Service<PublishedArticleByIdLoader>().Load(id),
                    SectionGraphType.TypeName => c.Service<SectionByIdLoader>().Load(id),
                    AuthorGraphType.TypeName => c.Service<AuthorByIdLoader>().Load(id),
                    TagGraphType.TypeName => c.Service<TagByIdLoader>().Load(id),
                    SponsorGraphType.TypeName => c.Service<SponsorByIdLoader>().Load(id),
                    _ => (object?)null,
                };
            });
}
