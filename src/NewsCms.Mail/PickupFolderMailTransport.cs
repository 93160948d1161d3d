using System.Globalization;
using NewsCms.Core.Mail;

namespace NewsCms.Mail;

/// <summary>
/// The embedded default: writes each message as an <c>.eml</c> file into a folder, where a developer opens it in a
/// mail client or a relay (IIS SMTP, Postfix's maildrop tools) picks it up. A file appears whole or not at all: it is
/// written under a temporary name and moved into place, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderMailTransport(string folder, MailSender sender) : IMailTransport
{
    public const string TemporaryExtension = ".tmp";

    public string Folder { get; } = folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var mime = MimeMessages.From(message, sender);
        var name = string.Create(CultureInfo.InvariantCulture, $"{message.CreatedAt:yyyyMMdd'T'HHmmss}-{message.Id}-{Guid.NewGuid():N}");
        var temporary = Path.Combine(Folder, name + TemporaryExtension);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await mime.WriteToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, Path.Combine(Folder, name + ".eml"));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
