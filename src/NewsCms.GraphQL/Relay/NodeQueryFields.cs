using GraphQL;
using GraphQL.Types;
using NewsCms.GraphQL.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Relay;

internal static class NodeQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or is not visible to the caller. Stories are " +
                "the published ones; media assets are for staff who may use the library, as `mediaAsset` is.")
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
                    // An unused upload (a draft's hero, a rejected photo) is not public; pictures of published stories
                    // reach readers through those stories.
                    MediaAssetGraphType.TypeName => c.ActorOrNull()?.Has(Permission.UploadMedia) == true ? c.Service<MediaAssetByIdLoader>().Load(id) : null,
                    _ => (object?)null,
                };
            });
}
