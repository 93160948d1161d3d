using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Mail;
using NewsCms.Core.PublicForms;

namespace NewsCms.Core.Applications;

/// <summary>
/// What a would-be speaker sends. <paramref name="Honeypot"/> is a field people never see and bots fill in;
/// <paramref name="IdempotencyKey"/> lets a client retry without applying twice.
/// </summary>
public sealed record SpeakerApplicationInput(
    string? Name,
    string? Email,
    string? Company,
    string? JobTitle,
    string? TalkTitle,
    string? Abstract,
    string? ShortBio,
    IReadOnlyList<string>? Topics,
    IReadOnlyList<string>? Links,
    string? EventName,
    bool ConsentToContact,
    string? IdempotencyKey = null,
    string? Honeypot = null);

public sealed record PartnerApplicationInput(
    string? Company,
    string? ContactName,
    string? Email,
    string? Phone,
    string? Website,
    PartnershipKind? Kind,
    BudgetRange? Budget,
    string? Message,
    bool ConsentToContact,
    string? IdempotencyKey = null,
    string? Honeypot = null);

/// <summary>
/// What the public caller learns: that the application arrived, and when. Nothing about any other application, not
/// even whether the key or the address was seen before.
/// </summary>
public sealed record ApplicationReceipt(DateTime SubmittedAt);

/// <summary>Takes speaker and partner applications from anonymous callers: validated, throttled, idempotent.</summary>
public sealed class ApplicationIntake(
    IDbContextFactory<NewsCmsDbContext> contexts,
    SubmissionThrottle throttle,
    IOptions<ApplicationOptions> options,
    TimeProvider clock)
{
    public Task<ApplicationReceipt> ApplyToSpeakAsync(string clientAddress, SpeakerApplicationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SubmitAsync(clientAddress, input.Honeypot, () =>
        {
            var errors = new InputErrors();
            var (name, email, key) = Common(errors, "name", input.Name, input.Email, input.IdempotencyKey, input.ConsentToContact);
            var application = new SpeakerApplication
            {
                Name = name,
                Email = email,
                Company = errors.Optional("company", input.Company, Application.CompanyMaxLength),
                JobTitle = errors.Optional("jobTitle", input.JobTitle, SpeakerApplication.JobTitleMaxLength),
                TalkTitle = errors.Required("talkTitle", input.TalkTitle, SpeakerApplication.TalkTitleMaxLength),
                Abstract = errors.Required("abstract", input.Abstract, SpeakerApplication.AbstractMaxLength),
                ShortBio = errors.Required("shortBio", input.ShortBio, SpeakerApplication.ShortBioMaxLength),
                Topics = Items(errors, "topics", input.Topics, SpeakerApplication.MaxTopics, SpeakerApplication.TopicMaxLength, isValid: null),
                Links = Items(errors, "links", input.Links, SpeakerApplication.MaxLinks, SpeakerApplication.LinkMaxLength, IsWebAddress),
                EventName = errors.Optional("event", input.EventName, SpeakerApplication.EventMaxLength),
                ConsentToContact = input.ConsentToContact,
                IdempotencyKey = key,
            };
            errors.ThrowIfAny();
            return application;
        }, cancellationToken);
    }

    public Task<ApplicationReceipt> ApplyToPartnerAsync(string clientAddress, PartnerApplicationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SubmitAsync(clientAddress, input.Honeypot, () =>
        {
            var errors = new InputErrors();
            var (name, email, key) = Common(errors, "contactName", input.ContactName, input.Email, input.IdempotencyKey, input.ConsentToContact);
            var website = errors.Optional("website", input.Website, PartnerApplication.WebsiteMaxLength);
            if (website is not null && !errors.Has("website") && !IsWebAddress(website))
            {
                errors.Add("website", "'website' must be an absolute http or https address.");
            }

            if (input.Kind is not { } kind)
            {
                errors.Add("kind", "'kind' is required.");
            }
            else if (!Enum.IsDefined(kind))
            {
                errors.Add("kind", "'kind' is not a kind of partnership.");
            }

            if (input.Budget is { } budget && !Enum.IsDefined(budget))
            {
                errors.Add("budget", "'budget' is not a budget range.");
            }

            var application = new PartnerApplication
            {
                Name = name,
                Email = email,
                Company = errors.Required("company", input.Company, Application.CompanyMaxLength),
                Phone = errors.Optional("phone", input.Phone, PartnerApplication.PhoneMaxLength),
                Website = website,
                PartnershipKind = input.Kind ?? PartnershipKind.Sponsorship,
                Budget = input.Budget,
                Message = errors.Required("message", input.Message, PartnerApplication.MessageMaxLength),
                ConsentToContact = input.ConsentToContact,
                IdempotencyKey = key,
            };
            errors.ThrowIfAny();
            return application;
        }, cancellationToken);
    }

    private async Task<ApplicationReceipt> SubmitAsync(
        string clientAddress, string? honeypot, Func<Application> validated, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await throttle.CountAsync($"apply:address:{clientAddress}", settings.PerAddressLimit, settings.ThrottleWindow, cancellationToken);
        if (!string.IsNullOrEmpty(honeypot))
        {
            // A bot must not learn that it was caught, or it would learn to leave the field empty.
            return new ApplicationReceipt(now);
        }

        var application = validated();
        if (application.IdempotencyKey is { } key && await FindAsync(application.Email, key, cancellationToken) is { } first)
        {
            return first;
        }

        await throttle.CountAsync($"apply:email:{application.Email}", settings.PerEmailLimit, settings.ThrottleWindow, cancellationToken);
        application.SubmittedAt = now;
        application.Version = 1;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(application);
        ApplicationMail.Received(db, application, settings.NotifyAddress, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (application.IdempotencyKey is not null)
        {
            // A retry raced its original: the unique index let one in, and both callers get its receipt.
            if (await FindAsync(application.Email, application.IdempotencyKey, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return new ApplicationReceipt(application.SubmittedAt);
    }

    private async Task<ApplicationReceipt?> FindAsync(string email, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var submittedAt = await db.Applications.AsNoTracking()
            .Where(a => a.Email == email && a.IdempotencyKey == key)
            .Select(a => (DateTime?)a.SubmittedAt)
            .SingleOrDefaultAsync(cancellationToken);
        return submittedAt is { } at ? new ApplicationReceipt(at) : null;
    }

    private static (string Name, string Email, string? Key) Common(
        InputErrors errors, string nameField, string? name, string? email, string? key, bool consent)
    {
        var checkedName = errors.Required(nameField, name, Application.NameMaxLength);
        var checkedEmail = errors.Required("email", email, Application.EmailMaxLength).ToLowerInvariant();
        if (!errors.Has("email") && !IsEmailAddress(checkedEmail))
        {
            errors.Add("email", "'email' must be an e-mail address such as jo@example.com.");
        }

        var checkedKey = errors.Optional("idempotencyKey", key, Application.IdempotencyKeyMaxLength);
        if (!consent)
        {
            errors.Add("consentToContact", "'consentToContact' must be true: we need your consent to answer you.");
        }

        return (checkedName, checkedEmail, checkedKey);
    }

    private static List<string> Items(InputErrors errors, string field, IReadOnlyList<string>? values, int maxCount, int maxLength, Func<string, bool>? isValid)
    {
        var items = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count > maxCount)
        {
            errors.Add(field, $"'{field}' may have at most {maxCount} entries.");
        }
        else if (items.Any(i => i.Length > maxLength))
        {
            errors.Add(field, $"Each of '{field}' must be at most {maxLength} characters.");
        }
        else if (isValid is not null && items.FirstOrDefault(i => !isValid(i)) is { } bad)
        {
            errors.Add(field, $"'{bad}' in '{field}' is not an absolute http or https address.");
        }

        return items;
    }

    /// <summary>One address with a dotted domain and nothing around it: "Jo &lt;jo@x.com&gt;" is a display name, not an address.</summary>
    internal static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address)
        && string.Equals(address.Address, text, StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !text.Any(char.IsWhiteSpace);

    /// <summary>Judged the way a browser reads it, so no "javascript:" or relative path slips through to the team.</summary>
    internal static bool IsWebAddress(string url) =>
        UrlScheme.Of(url) is "http" or "https"
        && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
        && parsed.Scheme is "http" or "https"
        && parsed.Host.Length > 0;
}
