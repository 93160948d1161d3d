namespace NewsCms.Mail;

/// <summary>The From of every message the publication sends: <c>NewsCms:Mail:From</c> and <c>NewsCms:Mail:FromName</c>.</summary>
public sealed record MailSender(string Address, string? Name);
