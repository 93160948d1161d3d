using System.ComponentModel.DataAnnotations;
using NewsCms.Mail;

namespace NewsCms.Server.Mail;

public enum MailTransportKind
{
    /// <summary><c>.eml</c> files in a folder: the embedded default, which sends nothing anywhere.</summary>
    PickupFolder,

    /// <summary>An SMTP relay: production.</summary>
    Smtp,
}

/// <summary>
/// The hosting half of <c>NewsCms:Mail</c>: where the mail goes and how often the outbox is worked through. The
/// retry rules are the core's <see cref="Core.Mail.OutboxSendingOptions"/>.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "NewsCms:Mail";

    public MailTransportKind Transport { get; set; } = MailTransportKind.PickupFolder;

    /// <summary>Relative to the content root. Empty: <c>{NewsCms:DataPath}/mail</c>.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>The From address of every message.</summary>
    public string From { get; set; } = "newsroom@newscms.local";

    public string? FromName { get; set; }

    /// <summary>How often due messages are looked for; 0 switches sending off in this process.</summary>
    [Range(0, 3600)]
    public int IntervalSeconds { get; set; } = 10;

    public SmtpSettings Smtp { get; set; } = new();
}
