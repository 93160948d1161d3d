using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Media;

internal static class MediaQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<MediaAssetGraphType>("mediaAsset")
            .Description("Staff only: the media asset with this id, or null when there is none.")
            .RequirePermission(Permission.UploadMedia)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The asset's global id.")
            .Resolve(c => GlobalId.IdOf(c.GetArgument<string>("id"), MediaAssetGraphType.TypeName) is { } id
                ? c.Service<MediaAssetByIdLoader>().Load(id)
                : null);
}
