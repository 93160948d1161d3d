using System.Net.Mime;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsCms.Core.Common;
using NewsCms.Core.Media;

namespace NewsCms.Server.Media;

/// <summary>
/// <c>GET/HEAD /media/{storageId}/{name}</c>: an original under its file name, or one of its renditions under the
/// rendition's name. Anonymous, like the pages that show them: storage ids are unguessable. Every answer is the same
/// bytes forever, so it carries a strong ETag and may be cached for a year by browsers and CDNs alike.
/// </summary>
internal static class MediaEndpoints
{
    private const string ForeverCacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapNewsCmsMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods($"{MediaUrls.PathPrefix}{{storageId}}/{{name}}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        string storageId,
        string name,
        HttpContext http,
        MediaLibrary library,
        MediaRenditions renditions,
        IMediaStore store,
        IOptions<MediaOptions> options)
    {
        var cancellationToken = http.RequestAborted;
        if (!LooksLikeStorageId(storageId) || await library.FindByStorageIdAsync(storageId, cancellationToken) is not { } asset)
        {
            return Results.NotFound();
        }

        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(asset.UploadedAt, DateTimeKind.Utc));

        // The file name wins over a rendition name it happens to look like: the original's URL must always work.
        if (name == asset.FileName)
        {
            if (await store.OpenReadAsync(MediaKeys.OriginalOf(storageId), cancellationToken) is not { } original)
            {
                return Results.NotFound();
            }

            SetHeaders(http.Response);
            if (asset.Kind == MediaKind.Document)
            {
                // Inline so a PDF opens in the browser, named so that saving it keeps the uploader's file name.
                http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(DispositionTypeNames.Inline)
                {
                    FileNameStar = asset.FileName,
                    FileName = AsciiFallback(asset.FileName),
                }.ToString();
            }

            return Results.Stream(original.Content, asset.ContentType, lastModified: lastModified,
                entityTag: new EntityTagHeaderValue($"\"{asset.Sha256}\""), enableRangeProcessing: true);
        }

        // Only the exact name this asset's URLs would carry is served: any other size, fit or focal point would let
        // callers fill the store with renditions nobody links to.
        if (!asset.IsImage
            || !Rendition.TryParse(name, out var requested)
            || Rendition.For(asset, options.Value, requested.Width, requested.Height, requested.Fit, requested.Format) is not { } canonical
            || canonical.Name != name)
        {
            return Results.NotFound();
        }

        StoredMedia rendition;
        try
        {
            rendition = await renditions.OpenAsync(asset, canonical, cancellationToken);
        }
        catch (NewsCmsException e) when (e.Code == ErrorCode.NotFound)
        {
            return Results.NotFound();
        }
        catch (NewsCmsException e) when (e.Code == ErrorCode.Validation)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        SetHeaders(http.Response);
        return Results.Stream(rendition.Content, canonical.ContentType, lastModified: lastModified,
            entityTag: new EntityTagHeaderValue($"\"{asset.Sha256}-{canonical.Name}\""), enableRangeProcessing: true);
    }

    private static void SetHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = ForeverCacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>Spares the database the lookups of paths that cannot name an asset.</summary>
    private static bool LooksLikeStorageId(string storageId) =>
        storageId.Length is > 0 and <= 64 && storageId.All(char.IsAsciiLetterOrDigit);

    /// <summary>The plain <c>filename</c> parameter is for old clients; <c>filename*</c> carries the real name.</summary>
    private static string AsciiFallback(string fileName) =>
        string.Concat(fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
