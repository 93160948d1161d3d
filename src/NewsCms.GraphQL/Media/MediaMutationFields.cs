using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Http;

namespace NewsCms.GraphQL.Media;

internal static class MediaMutationFields
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<MediaAssetGraphType>>("uploadMedia")
            .Description(
                "Adds a file to the media library: a JPEG, PNG, WebP or GIF image, a PDF or an MP4 video, recognised from its bytes. "
                + "Send it as a multipart/form-data request (the GraphQL multipart request spec) with a `GraphQL-Preflight: 1` header. "
                + "Images lose their Exif, XMP and text metadata (GPS positions, camera serial numbers) and are otherwise stored as sent. "
                + "Uploading bytes already in the library returns that asset unchanged. VALIDATION when the type is not accepted, "
                + "when the file's name or declared type says something else than its bytes, or when it is over its kind's size limit.")
            .RequirePermission(Permission.UploadMedia)
            .Argument<NonNullGraphType<UploadGraphType>>("file", a => a.Description = "The file: a variable of type `Upload` that the request's `map` fills.")
            .Argument<StringGraphType>("alt", a => a.Description = $"What the picture shows, for readers who cannot see it; at most {MediaAsset.AltTextMaxLength} characters.")
            .Argument<StringGraphType>("caption", a => a.Description = $"The caption printed under the picture; at most {MediaAsset.CaptionMaxLength} characters.")
            .Argument<StringGraphType>("credit", a => a.Description = $"Who made it or owns its rights; at most {MediaAsset.CreditMaxLength} characters.")
            .ResolveAsync(async c =>
            {
                var file = c.GetArgument<Upload>("file");
                await using var content = file.OpenReadStream();
                return await c.Service<MediaUploads>().UploadAsync(
                    c.Actor(),
                    new MediaUpload(content, file.FileName, file.ContentType, c.GetArgument<string?>("alt"), c.GetArgument<string?>("caption"), c.GetArgument<string?>("credit")),
                    c.CancellationToken);
            });
}
