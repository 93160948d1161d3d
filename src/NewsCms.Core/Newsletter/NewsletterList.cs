namespace NewsCms.Core.Newsletter;

/// <summary>A newsletter readers may subscribe to, such as the weekly round-up (<c>weekly</c>).</summary>
public sealed class NewsletterList
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>The list every installation starts with; subscribing without naming lists means this one.</summary>
    public const string WeeklySlug = "weekly";

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
