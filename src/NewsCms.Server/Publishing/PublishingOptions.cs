using System.ComponentModel.DataAnnotations;

namespace NewsCms.Server.Publishing;

/// <summary>Settings under <c>NewsCms:Publishing</c>: the background job that publishes scheduled stories.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "NewsCms:Publishing";

    /// <summary>Off for a process that must never write on its own, such as a read-only replica's server.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due stories are looked for; a story goes live at most this long after its time.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 5;
}
