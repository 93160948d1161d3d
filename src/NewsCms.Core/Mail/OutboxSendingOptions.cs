using System.ComponentModel.DataAnnotations;

namespace NewsCms.Core.Mail;

/// <summary>The sender's rules under <c>NewsCms:Mail</c>; where the mail goes is the host's choice of transport.</summary>
public sealed class OutboxSendingOptions
{
    public const string SectionName = "NewsCms:Mail";

    /// <summary>After this many failed attempts a message is left unsent, its last error kept for staff.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How many due messages one run takes; the rest wait for the next run.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
