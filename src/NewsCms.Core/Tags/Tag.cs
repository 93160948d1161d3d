using NewsCms.Core.Common;

namespace NewsCms.Core.Tags;

public sealed class Tag : IVersioned
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    public int Version { get; set; }
}
