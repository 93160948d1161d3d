using System.Globalization;
using MimeKit;
using NewsCms.Core.Mail;

namespace NewsCms.Mail;

/// <summary>Turns an outbox message into the MIME message every transport sends: the same bytes whichever way it goes.</summary>
public static class MimeMessages
{
    public static MimeMessage From(OutboxMessage message, MailSender sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(sender.Name, sender.Address));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));

        // Derived from the outbox id, so a message retried after its relay accepted it but the mark was lost carries
        // the same Message-Id, and receivers can tell the duplicate.
        var domain = sender.Address.Contains('@', StringComparison.Ordinal) ? sender.Address[(sender.Address.LastIndexOf('@') + 1)..] : "newscms.local";
        mime.MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox-{message.Id}.{message.CreatedAt.Ticks}@{domain}");

        foreach (var (name, value) in message.Headers)
        {
            mime.Headers.Replace(name, value);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
