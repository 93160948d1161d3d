namespace NewsCms.Core.Tags;

public sealed class Tag
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
}
