using NewsCms.Core.Common;

namespace NewsCms.Core.Media;

/// <summary>
/// An uploaded file: its bytes live in the media store under <see cref="StorageId"/>, this row says what they are and
/// how to describe them. The bytes never change once stored, so every URL of an asset may be cached forever.
/// </summary>
public sealed class MediaAsset : IVersioned
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int AltTextMaxLength = 500;
    public const int CaptionMaxLength = 1000;
    public const int CreditMaxLength = 200;

    public int Id { get; set; }

    /// <summary>
    /// Random, unguessable and fixed for life: the folder of the original and its renditions in the store and the
    /// path segment of every URL. Never the database id, so URLs reveal nothing about how many assets exist.
    /// </summary>
    public required string StorageId { get; set; }

    /// <summary>The uploader's file name, cleaned: shown to staff and offered on download, never used as a path.</summary>
    public required string FileName { get; set; }

    /// <summary>Decided from the bytes (<see cref="Kind"/>), not taken from the upload's declared type.</summary>
    public required string ContentType { get; set; }

    public MediaKind Kind { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes: an identical upload returns this asset.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Pixels, for images; null for everything else.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    public string? AltText { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    /// <summary>Where crops keep their centre, as fractions of width and height (0.5, 0.5 is the middle).</summary>
    public double FocalPointX { get; set; } = 0.5;
    public double FocalPointY { get; set; } = 0.5;

    /// <summary>Null for assets created by seeding or by a job.</summary>
    public int? UploadedByUserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }

    public bool IsImage => Kind == MediaKind.Image;
}
