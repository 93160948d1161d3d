namespace NewsCms.Core.Applications;

/// <summary>Settings of the speaker and partner applications, under <c>NewsCms:Applications</c>.</summary>
public sealed class ApplicationOptions
{
    public const string SectionName = "NewsCms:Applications";

    /// <summary>Where staff are told of new applications; unset, nobody is.</summary>
    public string? NotifyAddress { get; set; }

    /// <summary>Declined and withdrawn applications are erased this many days after the decision.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often the server runs the retention; 0 switches it off (run it from elsewhere, or not at all).</summary>
    public int RetentionIntervalHours { get; set; } = 24;

    /// <summary>Submissions one network address may make per <see cref="ThrottleWindow"/>.</summary>
    public int PerAddressLimit { get; set; } = 10;

    /// <summary>Applications one e-mail address may send per <see cref="ThrottleWindow"/>.</summary>
    public int PerEmailLimit { get; set; } = 3;

    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromHours(1);
}
