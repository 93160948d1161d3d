using MailKit.Net.Smtp;
using MailKit.Security;
using NewsCms.Core.Mail;

namespace NewsCms.Mail;

public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or a private network.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade (port 587); refuses a server that cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Settings under <c>NewsCms:Mail:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Both or neither with <see cref="Password"/>; keep the password in a secret store, not in a file.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long to wait for the relay before the attempt counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends through an SMTP relay with MailKit. One connection per message: the sender's runs are small and far apart,
/// and a fresh connection never carries a broken state from the last failure into the next message.
/// </summary>
public sealed class SmtpMailTransport(SmtpSettings settings, MailSender sender) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = MimeMessages.From(message, sender);
        using var client = new SmtpClient { Timeout = checked(settings.TimeoutSeconds * 1000) };
        var host = settings.Host ?? throw new InvalidOperationException("NewsCms:Mail:Smtp:Host is not set.");
        await client.ConnectAsync(host, settings.Port, Options(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
