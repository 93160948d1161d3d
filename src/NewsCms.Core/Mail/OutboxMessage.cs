namespace NewsCms.Core.Mail;

/// <summary>
/// A message to send, written in the same SaveChanges as the change that calls for it (an application received, a
/// subscription to confirm), so that no message is lost and none goes out for a change that was rolled back. A
/// sender works through the table and retries failures.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int KindMaxLength = 60;

    public long Id { get; set; }

    /// <summary>What the message is for, such as <c>speakerApplicationReceived</c>: for logs and for staff.</summary>
    public required string Kind { get; set; }

    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>Extra headers, such as <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058) for newsletters.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; the sender takes messages whose time has come, oldest first.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>UTC; null until sent.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Why the last attempt failed, for staff; never shown to the recipient.</summary>
    public string? LastError { get; set; }
}
