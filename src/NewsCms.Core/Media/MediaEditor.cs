using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Media;

/// <summary>
/// How an asset is described. An update replaces the texts (null or blank clears one); a null focal point coordinate
/// keeps the stored one, since there is no "no focal point".
/// </summary>
public sealed record MediaAssetDescription(string? AltText, string? Caption, string? Credit, double? FocalPointX = null, double? FocalPointY = null);

/// <summary>Who or what still shows an asset: deleting it would leave them with a broken picture.</summary>
/// <param name="Kind">One of the <c>Kinds</c> constants.</param>
/// <param name="EntityType">The type of the user, as in the audit log and global ids ("Article").</param>
/// <param name="EntityId">The user's key.</param>
/// <param name="Name">The story's title, the sponsor's or author's name.</param>
public sealed record MediaUse(string Kind, string EntityType, int EntityId, string Name)
{
    public const string HeroImage = "heroImage";
    public const string InlineImage = "inlineImage";
    public const string SponsorLogo = "sponsorLogo";
    public const string AuthorAvatar = "authorAvatar";

    /// <summary>The key of <see cref="NewsCmsException.Details"/> that lists the uses of an asset a delete was refused for.</summary>
    public const string DetailsKey = "usedBy";
}

/// <summary>
/// Changes and deletes library assets. Anyone who may upload describes their own uploads; ManageMedia changes and
/// deletes any. Every write checks the version the caller read and is audited in the same save.
/// </summary>
public sealed class MediaEditor(IDbContextFactory<NewsCmsDbContext> contexts, IMediaStore store, TimeProvider clock)
{
    public const string EntityType = "MediaAsset";
    private const string What = "The media asset";

    public async Task<MediaAsset> UpdateAsync(StaffActor actor, int id, int expectedVersion, MediaAssetDescription description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(description);
        actor.Require(Permission.UploadMedia);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await LoadAsync(db, id, expectedVersion, cancellationToken);
        if (asset.UploadedByUserId != actor.UserId && !actor.Has(Permission.ManageMedia))
        {
            throw new NewsCmsException(ErrorCode.Forbidden, "Your role lets you describe only media you uploaded.");
        }

        var errors = new InputErrors();
        var altText = errors.Optional("altText", description.AltText, MediaAsset.AltTextMaxLength);
        var caption = errors.Optional("caption", description.Caption, MediaAsset.CaptionMaxLength);
        var credit = errors.Optional("credit", description.Credit, MediaAsset.CreditMaxLength);
        var focalX = FocalPoint(errors, "focalPointX", description.FocalPointX) ?? asset.FocalPointX;
        var focalY = FocalPoint(errors, "focalPointY", description.FocalPointY) ?? asset.FocalPointY;
        if (string.IsNullOrEmpty(altText) && !string.IsNullOrEmpty(asset.AltText))
        {
            await RefuseToStripLiveStoriesAsync(db, errors, id, cancellationToken);
        }

        errors.ThrowIfAny();

        asset.AltText = altText;
        asset.Caption = caption;
        asset.Credit = credit;
        asset.FocalPointX = focalX;
        asset.FocalPointY = focalY;
        asset.Version++;
        db.Record(actor, UtcNow, "updateMediaAsset", EntityType, id, $"Described {Describe(asset)}.");
        await VersionedSaves.SaveAsync(db, What, null, cancellationToken);
        return asset;
    }

    /// <summary>
    /// Publishing refuses pictures without alt text; clearing the asset's own alt text must not undo that for stories
    /// already live (or scheduled) that rely on it. Inline pictures count even when their Markdown carries alt text:
    /// telling them apart would mean parsing every body, and refusing is the safe side.
    /// </summary>
    private static async Task RefuseToStripLiveStoriesAsync(NewsCmsDbContext db, InputErrors errors, int id, CancellationToken cancellationToken)
    {
        ArticleStatus[] live = [ArticleStatus.Published, ArticleStatus.Scheduled];
        var heroes = db.Articles.Where(a => a.HeroImageId == id && (a.HeroImageAlt == null || a.HeroImageAlt == "") && live.Contains(a.Status));
        var inline = db.ArticleMediaReferences.Where(r => r.MediaAssetId == id)
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => a)
            .Where(a => live.Contains(a.Status));
        var titles = await heroes.Union(inline).OrderBy(a => a.Id).Select(a => a.Title).Take(5).ToListAsync(cancellationToken);
        if (titles.Count > 0)
        {
            errors.Add("altText", $"Live stories show this picture with this alt text ({string.Join("; ", titles)}); give them their own, or keep one here.");
        }
    }

    /// <summary>
    /// Deletes an asset nothing shows any more: its row, then every blob under its folder (the original and the
    /// renditions). While a story, sponsor or author still uses it, CONFLICT with the list of users under
    /// <see cref="MediaUse.DetailsKey"/>.
    /// </summary>
    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageMedia);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await LoadAsync(db, id, expectedVersion, cancellationToken);
        await RefuseWhileUsedAsync(db, id, cancellationToken);
        db.MediaAssets.Remove(asset);
        db.Record(actor, UtcNow, "deleteMediaAsset", EntityType, id, $"Deleted {Describe(asset)}.");
        // The restrictive foreign keys stop a delete that raced a new use; the recheck names that use.
        await VersionedSaves.SaveAsync(db, What, () => RecheckUsesAsync(id, cancellationToken), cancellationToken);

        // After the row: a blob without a row is garbage the orphan sweep removes, a row without its blob is a broken
        // picture. Stopping here for any reason leaves only the former.
        var folder = MediaKeys.FolderOf(asset.StorageId);
        var keys = new List<string>();
        await foreach (var blob in store.ListAsync(folder, CancellationToken.None))
        {
            keys.Add(blob.Key);
        }

        foreach (var key in keys.Append(MediaKeys.OriginalOf(asset.StorageId)).Distinct(StringComparer.Ordinal))
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>Everything that shows the asset now: hero images and inline pictures of stories in any state, sponsor logos, author avatars.</summary>
    public async Task<IReadOnlyList<MediaUse>> UsesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await UsesAsync(db, id, cancellationToken);
    }

    private static async Task<IReadOnlyList<MediaUse>> UsesAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var heroes = await db.Articles.Where(a => a.HeroImageId == id).OrderBy(a => a.Id)
            .Select(a => new MediaUse(MediaUse.HeroImage, "Article", a.Id, a.Title)).ToListAsync(cancellationToken);
        var inline = await db.ArticleMediaReferences.Where(r => r.MediaAssetId == id)
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => a).OrderBy(a => a.Id)
            .Select(a => new MediaUse(MediaUse.InlineImage, "Article", a.Id, a.Title)).ToListAsync(cancellationToken);
        var logos = await db.Sponsors.Where(s => s.LogoMediaId == id).OrderBy(s => s.Id)
            .Select(s => new MediaUse(MediaUse.SponsorLogo, "Sponsor", s.Id, s.Name)).ToListAsync(cancellationToken);
        var avatars = await db.Authors.Where(a => a.AvatarMediaId == id).OrderBy(a => a.Id)
            .Select(a => new MediaUse(MediaUse.AuthorAvatar, "Author", a.Id, a.Name)).ToListAsync(cancellationToken);
        return [.. heroes, .. inline, .. logos, .. avatars];
    }

    private static async Task RefuseWhileUsedAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var uses = await UsesAsync(db, id, cancellationToken);
        if (uses.Count > 0)
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                $"The asset is still in use ({uses.Count} {(uses.Count == 1 ? "use" : "uses")}, drafts and archived stories included); replace it there first.",
                details: new Dictionary<string, object?> { [MediaUse.DetailsKey] = uses });
        }
    }

    private async Task RecheckUsesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RefuseWhileUsedAsync(db, id, cancellationToken);
    }

    private static async Task<MediaAsset> LoadAsync(NewsCmsDbContext db, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.FindAsync([id], cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, asset.Version, expectedVersion);
        return asset;
    }

    private static double? FocalPoint(InputErrors errors, string field, double? value)
    {
        if (value is { } point && (double.IsNaN(point) || point < 0 || point > 1))
        {
            errors.Add(field, $"'{field}' is a fraction from 0 to 1.");
            return null;
        }

        return value;
    }

    private static string Describe(MediaAsset asset) => $"{asset.Kind.ToString().ToLowerInvariant()} '{asset.FileName}'";

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
