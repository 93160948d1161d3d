using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Media;

/// <summary>The staff's reads of the media library.</summary>
internal static class MediaLibraryQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MediaAssetConnectionGraphType>>("mediaAssets")
            .Description("The media library, newest upload first. Filters combine. Staff only.")
            .RequirePermission(Permission.UploadMedia)
            .Argument<IntGraphType>("first", a => a.Description = $"How many assets to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("after", a => a.Description = "Return the assets after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<StringGraphType>("search", a => a.Description = $"Only assets whose file name, alt text, caption or credit contains this text, in any case; at most {MediaListFilter.SearchMaxLength} characters.")
            .Argument<MediaKindGraphType>("type", a => a.Description = "Only assets of this kind.")
            .ResolveAsync(async c => await c.Service<MediaLibrary>().ListAsync(
                c.Actor(),
                new MediaListFilter(c.GetArgument<string?>("search"), c.GetArgument<MediaKind?>("type")),
                PageRequest.Create(c.GetArgument<int?>("first"), c.GetArgument<string?>("after")),
                c.CancellationToken));

        query.Field<MediaAssetGraphType>("mediaAsset")
            .Description("One asset of the media library by its global id; null when there is none. Staff only.")
            .RequirePermission(Permission.UploadMedia)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The asset's global id.")
            .Resolve(c => GlobalId.IdOf(c.GetArgument<string>("id"), MediaAssetGraphType.TypeName) is { } id
                ? c.Service<MediaAssetByIdLoader>().Load(id)
                : null);
    }
}

/// <summary>Describing and deleting library assets. Uploading lives with the upload transport.</summary>
internal static class MediaLibraryMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MediaAssetGraphType>>("updateMediaAsset")
            .Description(
                "Replaces an asset's description: send back what you read, changed. Anyone who may upload describes their own uploads; ManageMedia describes any. " +
                "CONFLICT with `extensions.currentVersion` when someone saved it since you read `expectedVersion`.")
            .RequirePermission(Permission.UploadMedia)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The asset's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the asset at.")
            .Argument<StringGraphType>("altText", a => a.Description = $"What the picture shows, for readers who cannot see it; at most {MediaAsset.AltTextMaxLength} characters. Omitted or null clears it.")
            .Argument<StringGraphType>("caption", a => a.Description = $"The caption under the picture; at most {MediaAsset.CaptionMaxLength} characters. Omitted or null clears it.")
            .Argument<StringGraphType>("credit", a => a.Description = $"Who made the picture or owns it; at most {MediaAsset.CreditMaxLength} characters. Omitted or null clears it.")
            .Argument<FloatGraphType>("focalPointX", a => a.Description = "Where crops keep their centre, across, from 0 (left) to 1 (right). Omitted keeps it.")
            .Argument<FloatGraphType>("focalPointY", a => a.Description = "Where crops keep their centre, down, from 0 (top) to 1 (bottom). Omitted keeps it.")
            .ResolveAsync(async c => await c.Service<MediaEditor>().UpdateAsync(
                c.Actor(),
                IdOf(c),
                c.GetArgument<int>("expectedVersion"),
                new MediaAssetDescription(
                    c.GetArgument<string?>("altText"),
                    c.GetArgument<string?>("caption"),
                    c.GetArgument<string?>("credit"),
                    c.GetArgument<double?>("focalPointX"),
                    c.GetArgument<double?>("focalPointY")),
                c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteMediaAsset")
            .Description(
                "Deletes an asset, its original and its renditions, and returns its id. CONFLICT while anything shows it (a story's hero image or body, drafts " +
                "and archived stories included, a sponsor's logo, an author's portrait), with `extensions.usedBy` listing each as `{kind, id, name}`.")
            .RequirePermission(Permission.ManageMedia)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The asset's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the asset at.")
            .ResolveAsync(async c =>
            {
                try
                {
                    await c.Service<MediaEditor>().DeleteAsync(c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.CancellationToken);
                }
                catch (NewsCmsException e) when (e.Details.GetValueOrDefault(MediaUse.DetailsKey) is IReadOnlyList<MediaUse> uses)
                {
                    throw WithGlobalIds(e, uses);
                }

                return c.GetArgument<string>("id");
            });
    }

    private static int IdOf(IResolveFieldContext c) => GlobalIdArguments.Require(c.GetArgument<string>("id"), MediaAssetGraphType.TypeName, "The media asset");

    /// <summary>The core names users by their keys; callers know them by global id.</summary>
    private static NewsCmsException WithGlobalIds(NewsCmsException refused, IReadOnlyList<MediaUse> uses)
    {
        var details = refused.Details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        details[MediaUse.DetailsKey] = uses
            .Select(use => new Dictionary<string, object?>
            {
                ["kind"] = use.Kind,
                ["id"] = GlobalId.Encode(use.EntityType, use.EntityId),
                ["name"] = use.Name,
            })
            .ToList();
        return new NewsCmsException(refused.Code, refused.Message, refused.FieldErrors, details);
    }
}

public sealed class MediaAssetConnectionGraphType() : ConnectionGraphType<MediaAssetGraphType, MediaAssetEdgeGraphType, MediaAsset>(MediaAssetGraphType.TypeName);

public sealed class MediaAssetEdgeGraphType() : EdgeGraphType<MediaAssetGraphType, MediaAsset>(MediaAssetGraphType.TypeName);
