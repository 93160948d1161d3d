using NewsCms.Core.Common;

namespace NewsCms.Core.Authors;

public sealed class Author : IVersioned
{
    public const int NameMaxLength = 150;
    public const int JobTitleMaxLength = 150;
    public const int BioMaxLength = 2000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Bio { get; set; }

    /// <summary>A media asset (an image) shown beside the byline.</summary>
    public int? AvatarMediaId { get; set; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }
}
