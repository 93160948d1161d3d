using NewsCms.Core.Common;

namespace NewsCms.Core.Sections;

/// <summary>A desk or topic of the publication. Sections nest: "Technology" may hold "Cybersecurity".</summary>
public sealed class Section : IVersioned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public Section? Parent { get; set; }
    public int DisplayOrder { get; set; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }
}
