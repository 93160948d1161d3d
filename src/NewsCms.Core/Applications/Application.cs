using System.ComponentModel;
using NewsCms.Core.Common;

namespace NewsCms.Core.Applications;

/// <summary>
/// What a speaker or a partner sent through the public forms, and where the partnerships team is with it. Both kinds
/// share one table: staff review them the same way, and erasing a person finds all of theirs by one address.
/// </summary>
public abstract class Application : IVersioned
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;
    public const int CompanyMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 100;

    public int Id { get; set; }

    /// <summary>The applicant's name (a speaker's own, a partner's contact person).</summary>
    public required string Name { get; set; }

    /// <summary>Lowercase, so that the limits, the idempotency key and erasure treat every spelling as one person.</summary>
    public required string Email { get; set; }

    public string? Company { get; set; }
    public bool ConsentToContact { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.New;

    /// <summary>The staff member who reviews it; null until someone is assigned.</summary>
    public int? ReviewerUserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>UTC; when it was accepted, declined or withdrawn; retention counts from here.</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>The client's key for this submission: a retry with the same key and e-mail returns this application.</summary>
    public string? IdempotencyKey { get; set; }

    public List<ApplicationNote> Notes { get; set; } = [];

    public int Version { get; set; }
}

public sealed class SpeakerApplication : Application
{
    public const int JobTitleMaxLength = 200;
    public const int TalkTitleMaxLength = 200;
    public const int AbstractMaxLength = 5000;
    public const int ShortBioMaxLength = 1500;
    public const int TopicMaxLength = 60;
    public const int MaxTopics = 10;
    public const int LinkMaxLength = 2000;
    public const int MaxLinks = 5;
    public const int EventMaxLength = 200;

    public string? JobTitle { get; set; }
    public required string TalkTitle { get; set; }
    public required string Abstract { get; set; }
    public required string ShortBio { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<string> Links { get; set; } = [];

    /// <summary>The event the talk is proposed for; null means any.</summary>
    public string? EventName { get; set; }
}

public sealed class PartnerApplication : Application
{
    public const int PhoneMaxLength = 40;
    public const int WebsiteMaxLength = 2000;
    public const int MessageMaxLength = 5000;

    public string? Phone { get; set; }
    public string? Website { get; set; }
    public PartnershipKind PartnershipKind { get; set; }
    public BudgetRange? Budget { get; set; }
    public required string Message { get; set; }
}

// The descriptions travel into the schema.
public enum ApplicationStatus
{
    [Description("Received, nobody has looked at it yet.")]
    New,

    [Description("Someone on the team is reviewing it.")]
    InReview,

    [Description("Accepted; the applicant was told.")]
    Accepted,

    [Description("Declined; the applicant was told.")]
    Declined,

    [Description("The applicant withdrew it.")]
    Withdrawn,
}

public enum PartnershipKind
{
    [Description("Sponsoring the publication or an event.")]
    Sponsorship,

    [Description("A media partnership.")]
    MediaPartnership,

    [Description("A stand at an event.")]
    Exhibition,

    [Description("Content made together.")]
    Content,
}

public enum BudgetRange
{
    [Description("Under 5,000 euros.")]
    Under5k,

    [Description("5,000 to 20,000 euros.")]
    From5kTo20k,

    [Description("20,000 to 50,000 euros.")]
    From20kTo50k,

    [Description("Over 50,000 euros.")]
    Over50k,
}

/// <summary>A staff member's internal remark on an application; never shown to the applicant.</summary>
public sealed class ApplicationNote
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int? AuthorUserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public required string Text { get; set; }
}

/// <summary>Which status may follow which: accepted, declined and withdrawn are final.</summary>
public static class ApplicationTransitions
{
    public static bool Allowed(ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (ApplicationStatus.New, ApplicationStatus.InReview or ApplicationStatus.Declined or ApplicationStatus.Withdrawn) => true,
        (ApplicationStatus.InReview, ApplicationStatus.New or ApplicationStatus.Accepted or ApplicationStatus.Declined or ApplicationStatus.Withdrawn) => true,
        _ => false,
    };

    public static bool IsFinal(ApplicationStatus status) =>
        status is ApplicationStatus.Accepted or ApplicationStatus.Declined or ApplicationStatus.Withdrawn;
}
