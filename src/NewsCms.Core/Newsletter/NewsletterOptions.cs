namespace NewsCms.Core.Newsletter;

/// <summary>Settings under <c>NewsCms:Newsletter</c>.</summary>
public sealed class NewsletterOptions
{
    public const string SectionName = "NewsCms:Newsletter";

    /// <summary>
    /// The public site that serves the newsletter pages and <c>/newsletter/unsubscribe</c>, such as
    /// <c>https://news.example.com</c>: the links in every message start with it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>An address whose mail unsubscribes, for the <c>mailto:</c> half of List-Unsubscribe; none when empty.</summary>
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>How long a confirmation link works.</summary>
    public int ConfirmationHours { get; set; } = 72;

    /// <summary>Sign-ups one network address may make per hour.</summary>
    public int SubscriptionsPerAddressPerHour { get; set; } = 10;

    /// <summary>Sign-ups for one e-mail address per hour: each sends that address a message.</summary>
    public int SubscriptionsPerEmailPerHour { get; set; } = 3;
}
