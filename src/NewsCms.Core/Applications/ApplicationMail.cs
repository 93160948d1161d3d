using NewsCms.Core.Data;
using NewsCms.Core.Mail;

namespace NewsCms.Core.Applications;

/// <summary>The messages an application causes, added to the context that saves it.</summary>
internal static class ApplicationMail
{
    public static void Received(NewsCmsDbContext db, Application application, string? notifyAddress, DateTime utcNow)
    {
        var what = What(application);
        db.Enqueue(new OutboxMessage
        {
            Kind = $"{KindOf(application)}ApplicationReceived",
            ToAddress = application.Email,
            ToName = application.Name,
            Subject = $"We received your {what}",
            TextBody = $"Hello {application.Name},\n\nthank you for your {what}. Our partnerships team will review it and answer you by e-mail.\n",
        }, utcNow);
        if (!string.IsNullOrWhiteSpace(notifyAddress))
        {
            // Staff read the details in the CMS, where access is checked; the mail only says there is something to read.
            db.Enqueue(new OutboxMessage
            {
                Kind = $"{KindOf(application)}ApplicationNotification",
                ToAddress = notifyAddress.Trim(),
                Subject = $"New {what}",
                TextBody = $"A new {what} arrived. Review it in the CMS.\n",
            }, utcNow);
        }
    }

    public static void Decided(NewsCmsDbContext db, Application application, DateTime utcNow)
    {
        var what = What(application);
        var (subject, body) = application.Status == ApplicationStatus.Accepted
            ? ($"Your {what} was accepted", $"Hello {application.Name},\n\nwe are glad to accept your {what}. Our team will contact you about the next steps.\n")
            : ($"About your {what}", $"Hello {application.Name},\n\nthank you for your {what}. We are sorry that we cannot take it up this time.\n");
        db.Enqueue(new OutboxMessage
        {
            Kind = $"{KindOf(application)}Application{application.Status}",
            ToAddress = application.Email,
            ToName = application.Name,
            Subject = subject,
            TextBody = body,
        }, utcNow);
    }

    private static string KindOf(Application application) => application is SpeakerApplication ? "speaker" : "partner";

    private static string What(Application application) =>
        application is SpeakerApplication speaker ? $"speaker application \"{speaker.TalkTitle}\"" : "partnership application";
}
