using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsCms.Core.Common;
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
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description(
                "Where the file is served. Without arguments, the original. With `width` (and `height`), an image rendition: each side snaps up "
                + "to the next configured size, an image is never enlarged, and the URL changes when the focal point moves, so every URL may be "
                + "cached forever. Sizes are for images only: asking for one on a video or document is a VALIDATION error.")
            .Argument<IntGraphType>("width", a => a.Description = $"The width to fit, in pixels (1 to {MaxSide}); snaps up to the next configured width.")
            .Argument<IntGraphType>("height", a => a.Description = $"The height to fit, in pixels (1 to {MaxSide}); needs `width`. Without it the picture keeps its proportions.")
            .Argument<MediaFitGraphType>("fit", a =>
            {
                a.Description = "With both sides: COVER fills the box, cropping around the focal point; CONTAIN fits the whole picture inside it.";
                a.DefaultValue = MediaFit.Cover;
            })
            .Argument<ImageFormatGraphType>("format", a =>
            {
                a.Description = "The rendition's file format.";
                a.DefaultValue = RenditionFormat.WebP;
            })
            .Resolve(ResolveUrl);

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

    /// <summary>Larger than any screen or print size; beyond it a request is a mistake, not a picture.</summary>
    private const int MaxSide = 10_000;

    private static string ResolveUrl(IResolveFieldContext<MediaAsset> context)
    {
        var asset = context.Source;
        var urls = context.Service<MediaUrls>();
        var width = context.GetArgument<int?>("width");
        var height = context.GetArgument<int?>("height");
        if (width is null && height is null)
        {
            return urls.Original(asset);
        }

        if (width is not { } w)
        {
            throw NewsCmsException.Invalid("width", "A rendition needs a width; give `width` with `height`.");
        }

        if (w is < 1 or > MaxSide || height is < 1 or > MaxSide)
        {
            throw NewsCmsException.Invalid(w is < 1 or > MaxSide ? "width" : "height", $"Rendition sides must be between 1 and {MaxSide} pixels.");
        }

        if (!asset.IsImage)
        {
            throw NewsCmsException.Invalid("width", "Only images have sizes; ask for this asset's url without arguments.");
        }

        var rendition = Rendition.For(
            asset, context.Service<IOptions<MediaOptions>>().Value, w, height, context.GetArgument("fit", MediaFit.Cover), context.GetArgument("format", RenditionFormat.WebP));
        return urls.Of(asset, rendition);
    }
}

public sealed class MediaFitGraphType : EnumerationGraphType<MediaFit>
{
    public MediaFitGraphType()
    {
        Name = "MediaFit";
        Description = "How a rendition fills the box of width and height it is asked for.";
    }
}

public sealed class ImageFormatGraphType : EnumerationGraphType<RenditionFormat>
{
    public ImageFormatGraphType()
    {
        Name = "ImageFormat";
        Description = "The file format of an image rendition: WEBP is smaller, JPEG is understood by everything.";
    }

    /// <summary>The format's name, not the constant case of its C# spelling (which would be WEB_P).</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
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
