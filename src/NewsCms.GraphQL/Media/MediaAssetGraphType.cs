using GraphQL.Types;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Media;

/// <summary>
/// Public, because published stories show pictures; the fields that describe the upload rather than the picture are
/// for staff.
/// </summary>
public sealed class MediaAssetGraphType : ObjectGraphType<MediaAsset>
{
    public const string TypeName = "MediaAsset";

    public MediaAssetGraphType()
    {
        Name = TypeName;
        Description = "An uploaded photo, logo, video or document.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The asset's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<MediaKindGraphType>>("kind").Description("Image, video or document, decided from the file's bytes.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("The media type of the original file, such as `image/jpeg`.").Resolve(c => c.Source.ContentType);
        Field<IntGraphType>("width").Description("The original's width in pixels; null for anything but images.").Resolve(c => c.Source.Width);
        Field<IntGraphType>("height").Description("The original's height in pixels; null for anything but images.").Resolve(c => c.Source.Height);
        Field<StringGraphType>("altText").Description("What the picture shows, for readers who cannot see it.").Resolve(c => c.Source.AltText);
        Field<StringGraphType>("caption").Description("The caption printed under the picture.").Resolve(c => c.Source.Caption);
        Field<StringGraphType>("credit").Description("Who made the picture or owns its rights, such as \"Photo: Jane Doe / Agency\".").Resolve(c => c.Source.Credit);
        Field<NonNullGraphType<FloatGraphType>>("focalPointX")
            .Description("Where crops keep their centre, across: 0 is the left edge, 1 the right.")
            .Resolve(c => c.Source.FocalPointX);
        Field<NonNullGraphType<FloatGraphType>>("focalPointY")
            .Description("Where crops keep their centre, down: 0 is the top edge, 1 the bottom.")
            .Resolve(c => c.Source.FocalPointY);

        Field<NonNullGraphType<StringGraphType>>("fileName")
            .Description("Staff only: the uploaded file's name.")
            .RequirePermission(Permission.UploadMedia)
            .Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<LongGraphType>>("sizeBytes")
            .Description("Staff only: the original's size in bytes.")
            .RequirePermission(Permission.UploadMedia)
            .Resolve(c => c.Source.SizeBytes);
        Field<NonNullGraphType<StringGraphType>>("sha256")
            .Description("Staff only: the SHA-256 of the uploaded bytes, in lower-case hex; uploading the same bytes again returns this asset.")
            .RequirePermission(Permission.UploadMedia)
            .Resolve(c => c.Source.Sha256);
        Field<NonNullGraphType<DateTimeGraphType>>("uploadedAt")
            .Description("Staff only: when the asset was uploaded (UTC).")
            .RequirePermission(Permission.UploadMedia)
            .Resolve(c => c.Source.UploadedAt);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Staff only: the asset's version, to send back as `expectedVersion` when changing or deleting it.")
            .RequirePermission(Permission.UploadMedia)
            .Resolve(c => c.Source.Version);
    }
}

public sealed class MediaKindGraphType : EnumerationGraphType<MediaKind>
{
    public MediaKindGraphType()
    {
        Name = "MediaKind";
        Description = "What an asset is, decided from its bytes.";
        Values.FindByValue(MediaKind.Image)!.Description = "A JPEG, PNG, WebP or GIF picture.";
        Values.FindByValue(MediaKind.Video)!.Description = "An MP4 video.";
        Values.FindByValue(MediaKind.Document)!.Description = "A PDF document.";
    }
}
