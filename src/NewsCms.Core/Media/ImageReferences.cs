using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Media;

/// <summary>The rule for every field that names a picture from the library (a logo, an avatar): it exists and it is an image.</summary>
internal static class ImageReferences
{
    public static async Task CheckAsync(NewsCmsDbContext db, InputErrors errors, string field, int? mediaAssetId, CancellationToken cancellationToken)
    {
        if (mediaAssetId is not { } id)
        {
            return;
        }

        var kind = await db.MediaAssets.Where(a => a.Id == id).Select(a => (MediaKind?)a.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            errors.Add(field, $"'{field}' names no media asset.");
        }
        else if (kind != MediaKind.Image)
        {
            errors.Add(field, $"'{field}' must name a picture; this asset is a {kind.Value.ToString().ToLowerInvariant()}.");
        }
    }
}
