namespace NewsCms.Core.Media;

/// <summary>The <c>NewsCms:Media</c> settings.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "NewsCms:Media";

    /// <summary>Images (JPEG, PNG, WebP, GIF) larger than this are refused.</summary>
    public long MaxImageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Video (MP4) larger than this is refused.</summary>
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Documents (PDF) larger than this are refused.</summary>
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Replaces the host in every media URL (a CDN in front of this server), e.g. <c>https://cdn.example.com</c>.
    /// Empty: URLs are root-relative to this server.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The only rendition widths served; a request for another width snaps to the next one up, so the number of
    /// renditions per asset is bounded whatever callers ask for.
    /// </summary>
    public int[] RenditionWidths { get; set; } = [160, 320, 480, 640, 800, 1024, 1280, 1600, 1920, 2560];

    /// <summary>Blobs that no asset claims and that are older than this are removed by the sweep.</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);
}
