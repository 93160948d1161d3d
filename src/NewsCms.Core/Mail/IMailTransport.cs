namespace NewsCms.Core.Mail;

/// <summary>
/// Hands one message to whatever delivers mail (an SMTP relay, a pickup folder). Throws when the message was not
/// accepted; the <see cref="OutboxSender"/> then retries it later.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
