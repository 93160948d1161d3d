using NewsCms.Core.Applications;

namespace NewsCms.Admin.Components.Desks.Applications;

/// <summary>How the desks name an application and its status for people, in one place for the inbox and the detail.</summary>
internal static class ApplicationText
{
    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "New",
        ApplicationStatus.InReview => "In review",
        ApplicationStatus.Accepted => "Accepted",
        ApplicationStatus.Declined => "Declined",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Subject(Application application) => application switch
    {
        PartnerApplication partner => partner.Company ?? partner.Name,
        SpeakerApplication speaker => speaker.TalkTitle,
        _ => application.Name,
    };
}
