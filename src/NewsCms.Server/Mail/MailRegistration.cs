using MimeKit;
using NewsCms.Core.Mail;
using NewsCms.Mail;

namespace NewsCms.Server.Mail;

internal static class MailRegistration
{
    private const string SmtpSection = $"{MailOptions.SectionName}:Smtp";

    /// <summary>
    /// Binds <c>NewsCms:Mail</c> and picks the transport. With nothing configured messages become <c>.eml</c> files
    /// beside the SQLite database, so the embedded default sends no mail anywhere. A misconfigured transport stops the
    /// server here, before it serves anything, with the setting to fix.
    /// </summary>
    public static WebApplicationBuilder AddNewsCmsMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.SectionName);
        builder.Services.AddOptions<OutboxSendingOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<MailOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var mail = ReadMailOptions(section);
        var sender = Sender(mail);
        if (mail.Transport == MailTransportKind.Smtp)
        {
            builder.Services.AddSingleton<IMailTransport>(new SmtpMailTransport(CheckedSmtp(mail.Smtp), sender));
        }
        else
        {
            var folder = Path.Combine(
                builder.Environment.ContentRootPath,
                string.IsNullOrWhiteSpace(mail.PickupFolder) ? Path.Combine(builder.Configuration["NewsCms:DataPath"] ?? "App_Data", "mail") : mail.PickupFolder);
            builder.Services.AddSingleton<IMailTransport>(new PickupFolderMailTransport(folder, sender));
        }

        builder.Services.AddHostedService<OutboxSendingService>();
        return builder;
    }

    /// <summary>The binder's own errors for a misspelt transport or security name a type; these name the choices.</summary>
    private static MailOptions ReadMailOptions(IConfigurationSection section)
    {
        RequireOneOf<MailTransportKind>(section, "Transport");
        RequireOneOf<SmtpSecurity>(section.GetSection("Smtp"), "Security");
        return section.Get<MailOptions>() ?? new MailOptions();
    }

    private static void RequireOneOf<TEnum>(IConfigurationSection section, string key)
        where TEnum : struct, Enum
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value) && !Enum.TryParse<TEnum>(value, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"{section.Path}:{key} is '{value}'; it must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static MailSender Sender(MailOptions mail)
    {
        if (!MailboxAddress.TryParse(mail.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{MailOptions.SectionName}:From is '{mail.From}'; it must be one mail address, such as newsroom@example.com.");
        }

        return new MailSender(from.Address, string.IsNullOrWhiteSpace(mail.FromName) ? NullIfEmpty(from.Name) : mail.FromName);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static SmtpSettings CheckedSmtp(SmtpSettings smtp)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException(
                $"{MailOptions.SectionName}:Transport is Smtp, which needs {SmtpSection}:Host (environment variable NewsCms__Mail__Smtp__Host).");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{SmtpSection}:Port is {smtp.Port}; it must be between 1 and 65535.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            throw new InvalidOperationException(
                $"{SmtpSection}:UserName and {SmtpSection}:Password go together: set both to sign in to the relay, or neither.");
        }

        if (smtp.TimeoutSeconds is < 1 or > 600)
        {
            throw new InvalidOperationException($"{SmtpSection}:TimeoutSeconds is {smtp.TimeoutSeconds}; it must be between 1 and 600.");
        }

        return smtp;
    }
}
