using System.ComponentModel;
using NewsCms.Core.Common;

namespace NewsCms.Core.Newsletter;

/// <summary>Where a subscription stands in double opt-in and after it.</summary>
public enum NewsletterSubscriptionStatus
{
    [Description("Asked for, not yet confirmed through the link in the confirmation message: nothing is sent to it.")]
    Pending,

    [Description("Confirmed through the link: the list is sent to it.")]
    Confirmed,

    [Description("Ended by the subscriber.")]
    Unsubscribed,

    [Description("Ended because the address refused delivery.")]
    Bounced,
}

/// <summary>
/// One address on one list. Personal data: readable only by staff who manage partnerships, and erased on request
/// (<see cref="NewsletterSubscriptions.EraseAsync"/>).
/// </summary>
public sealed class NewsletterSubscription : IVersioned
{
    public const int EmailMaxLength = 254;
    public const int SourceMaxLength = 60;

    public int Id { get; set; }
    public int ListId { get; set; }

    /// <summary>Trimmed and lower-case, so that one address is one subscriber whatever its spelling.</summary>
    public required string Email { get; set; }

    public NewsletterSubscriptionStatus Status { get; set; }

    /// <summary>UTC: when the subscriber last asked for the list (the consent the confirmation proves).</summary>
    public DateTime ConsentAt { get; set; }

    /// <summary>UTC; null until confirmed.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>UTC; the last unsubscription.</summary>
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>Where the sign-up came from, such as <c>website</c>.</summary>
    public required string Source { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Incremented on every save.</summary>
    public int Version { get; set; }
}
