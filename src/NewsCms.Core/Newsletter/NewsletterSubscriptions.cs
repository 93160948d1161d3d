using System.Buffers.Text;
using System.Globalization;
using System.Net.Mail;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Mail;
using NewsCms.Core.PublicForms;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Newsletter;

/// <summary>A list as staff see it: with how many subscriptions it has in each status.</summary>
public sealed record NewsletterListSummary(NewsletterList List, int Pending, int Confirmed, int Unsubscribed, int Bounced);

/// <summary>One subscription as staff see it, with its list's slug.</summary>
public sealed record NewsletterSubscriber(
    int Id,
    string ListSlug,
    string Email,
    NewsletterSubscriptionStatus Status,
    DateTime ConsentAt,
    DateTime? ConfirmedAt,
    DateTime? UnsubscribedAt,
    string Source,
    DateTime CreatedAt);

/// <summary>What staff send to create a list; a null slug is made from the name.</summary>
public sealed record NewsletterListInput(string Name, string? Slug, string? Description);

/// <summary>An export as it starts: how many rows it holds, and the rows, read as they are written out.</summary>
public sealed record NewsletterExport(string ListSlug, int Count, IAsyncEnumerable<NewsletterSubscriber> Rows);

/// <summary>
/// Newsletter sign-ups with double opt-in, and what staff may do with them. The public side never tells a caller
/// whether an address is known: a sign-up is always "accepted", and only the mailbox learns more.
/// </summary>
public sealed class NewsletterSubscriptions(
    IDbContextFactory<NewsCmsDbContext> contexts,
    ServerSecretStore secrets,
    SubmissionThrottle throttle,
    IOptions<NewsletterOptions> options,
    TimeProvider clock)
{
    public const string SigningKeyName = "newsletter-signing-key";
    public const string EntityType = "NewsletterList";
    public const string CreateListOperation = "createNewsletterList";
    public const string ExportOperation = "exportNewsletterSubscribers";
    public const string ConfirmationKind = "newsletterConfirmation";
    public const string DefaultSource = "website";
    private const int SigningKeyBytes = 32;
    private static readonly TimeSpan ThrottleWindow = TimeSpan.FromHours(1);

    private byte[]? signingKey;

    private NewsletterOptions Settings => options.Value;

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Asks for <paramref name="listSlugs"/> (the weekly list when none) for <paramref name="email"/>: each list the
    /// address is not confirmed on becomes pending, and one message carries the link that confirms them all. An
    /// address confirmed on every list gets nothing; the caller cannot tell the difference.
    /// </summary>
    public async Task SubscribeAsync(string? email, IReadOnlyList<string>? listSlugs, string clientAddress, string? source, CancellationToken cancellationToken)
    {
        await throttle.CountAsync($"subscribe:address:{clientAddress}", Settings.SubscriptionsPerAddressPerHour, ThrottleWindow, cancellationToken);
        var errors = new InputErrors();
        var address = NormalizeEmail(errors, email);
        var slugs = (listSlugs is null || listSlugs.Count == 0 ? [NewsletterList.WeeklySlug] : listSlugs)
            .Select(s => s?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (slugs.Count > NewsletterTokenFormat.MaxLists)
        {
            errors.Add("lists", $"'lists' names at most {NewsletterTokenFormat.MaxLists} lists.");
        }

        var origin = errors.Optional("source", source, NewsletterSubscription.SourceMaxLength) ?? DefaultSource;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lists = errors.Has("lists")
            ? []
            : await db.NewsletterLists.AsNoTracking().Where(l => slugs.Contains(l.Slug)).ToListAsync(cancellationToken);
        var unknown = slugs.Except(lists.Select(l => l.Slug), StringComparer.Ordinal).ToList();
        if (!errors.Has("lists") && unknown.Count > 0)
        {
            errors.Add("lists", $"There is no newsletter list '{string.Join("', '", unknown)}'.");
        }

        errors.ThrowIfAny();
        await throttle.CountAsync($"subscribe:email:{address}", Settings.SubscriptionsPerEmailPerHour, ThrottleWindow, cancellationToken);

        var now = UtcNow;
        var listIds = lists.Select(l => l.Id).ToList();
        var existing = await db.NewsletterSubscriptions.Where(s => s.Email == address && listIds.Contains(s.ListId)).ToListAsync(cancellationToken);
        var pending = new List<NewsletterList>();
        foreach (var list in lists.OrderBy(l => l.Id))
        {
            var subscription = existing.Find(s => s.ListId == list.Id);
            if (subscription is { Status: NewsletterSubscriptionStatus.Confirmed })
            {
                continue;
            }

            if (subscription is null)
            {
                db.NewsletterSubscriptions.Add(new NewsletterSubscription
                {
                    ListId = list.Id, Email = address, Status = NewsletterSubscriptionStatus.Pending, ConsentAt = now, Source = origin, CreatedAt = now, Version = 1,
                });
            }
            else
            {
                subscription.Status = NewsletterSubscriptionStatus.Pending;
                subscription.ConsentAt = now;
                subscription.Source = origin;
                subscription.Version++;
            }

            pending.Add(list);
        }

        if (pending.Count == 0)
        {
            return;
        }

        db.Enqueue(await ConfirmationMessageAsync(address, pending, now, cancellationToken), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups of one address raced on the (list, email) key or a version: the one that won sent the
            // message, and the answer must not differ anyway. Any other failure is a failure.
            if (!await RacedAsync(address, listIds, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>Whether a failed sign-up lost a race to another one for the same address, rather than failing outright.</summary>
    private async Task<bool> RacedAsync(string address, List<int> listIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.NewsletterSubscriptions.AnyAsync(s => s.Email == address && listIds.Contains(s.ListId), cancellationToken);
    }

    /// <summary>Confirms the pending subscriptions a confirmation link names; returns the slugs of the lists it covers.</summary>
    public async Task<IReadOnlyList<string>> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var claims = await ReadAsync(token, NewsletterTokenPurpose.Confirm, cancellationToken);
        var now = UtcNow;
        if (claims.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            throw InvalidToken($"This confirmation link expired at {Stamp(expiresAt)}; sign up again to get a new one.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = await db.NewsletterSubscriptions.Where(s => s.Email == claims.Email && claims.ListIds.Contains(s.ListId)).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            throw InvalidToken("This confirmation link is no longer valid: its subscription was removed.");
        }

        foreach (var subscription in subscriptions.Where(s => s.Status == NewsletterSubscriptionStatus.Pending))
        {
            subscription.Status = NewsletterSubscriptionStatus.Confirmed;
            subscription.ConfirmedAt = now;
            subscription.UnsubscribedAt = null;
            subscription.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second click raced the first; the first confirmed them.
        }

        var ids = subscriptions.Select(s => s.ListId).ToList();
        return await db.NewsletterLists.AsNoTracking().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Slug).Select(l => l.Slug).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the subscriptions an unsubscribe link names. Idempotent: a second click, or a click after the address
    /// was erased, succeeds and changes nothing. Only a forged or altered link is refused.
    /// </summary>
    public async Task UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var claims = await ReadAsync(token, NewsletterTokenPurpose.Unsubscribe, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = UtcNow;
        // Conditional, so that two clicks at once both succeed and the first time stays recorded.
        await db.NewsletterSubscriptions
            .Where(s => s.Email == claims.Email && claims.ListIds.Contains(s.ListId) && s.Status != NewsletterSubscriptionStatus.Unsubscribed)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.Status, NewsletterSubscriptionStatus.Unsubscribed)
                    .SetProperty(s => s.UnsubscribedAt, now)
                    .SetProperty(s => s.Version, s => s.Version + 1),
                cancellationToken);
    }

    /// <summary>The token for the one-click unsubscribe link of newsletter messages to <paramref name="email"/> on these lists; it never expires.</summary>
    public async Task<string> UnsubscribeTokenAsync(string email, IReadOnlyList<int> listIds, CancellationToken cancellationToken) =>
        NewsletterTokenFormat.Sign(new NewsletterTokenClaims(NewsletterTokenPurpose.Unsubscribe, null, listIds, email), await SigningKeyAsync(cancellationToken));

    /// <summary>
    /// Removes every subscription of <paramref name="email"/> (any spelling) through <paramref name="db"/>, for the
    /// caller's SaveChanges to write together with the rest of an erasure; returns how many it removed.
    /// </summary>
    public static async Task<int> EraseAsync(NewsCmsDbContext db, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        var subscriptions = await db.NewsletterSubscriptions.Where(s => s.Email == address).ToListAsync(cancellationToken);
        db.NewsletterSubscriptions.RemoveRange(subscriptions);
        return subscriptions.Count;
    }

    public async Task<IReadOnlyList<NewsletterListSummary>> ListsAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lists = await db.NewsletterLists.AsNoTracking().OrderBy(l => l.Slug).ToListAsync(cancellationToken);
        var counts = await db.NewsletterSubscriptions
            .GroupBy(s => new { s.ListId, s.Status })
            .Select(g => new { g.Key.ListId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(int listId, NewsletterSubscriptionStatus status) => counts.Where(c => c.ListId == listId && c.Status == status).Sum(c => c.Count);
        return lists.Select(l => new NewsletterListSummary(
            l,
            Count(l.Id, NewsletterSubscriptionStatus.Pending),
            Count(l.Id, NewsletterSubscriptionStatus.Confirmed),
            Count(l.Id, NewsletterSubscriptionStatus.Unsubscribed),
            Count(l.Id, NewsletterSubscriptionStatus.Bounced))).ToList();
    }

    /// <summary>How many sign-ups (new, or renewed consent) all lists received since <paramref name="sinceUtc"/>, whatever became of them.</summary>
    public async Task<int> SignUpsSinceAsync(StaffActor actor, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.NewsletterSubscriptions.CountAsync(s => s.ConsentAt >= sinceUtc, cancellationToken);
    }

    /// <summary>A list's subscriptions, newest first; <paramref name="search"/> matches part of the address, in any case.</summary>
    public async Task<Page<NewsletterSubscriber>> SubscribersAsync(
        StaffActor actor, string listSlug, NewsletterSubscriptionStatus? status, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        var after = page.After is null ? (int?)null : DecodeCursor(page.After);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var list = await FindListAsync(db, listSlug, cancellationToken);
        if (page.First == 0)
        {
            return new Page<NewsletterSubscriber>([], false, after is not null, CursorOf);
        }

        var query = db.NewsletterSubscriptions.AsNoTracking().Where(s => s.ListId == list.Id);
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // Addresses are stored lower-case, so a lower-case needle is a case-insensitive search on every provider.
            var needle = search.Trim().ToLowerInvariant();
            query = query.Where(s => s.Email.Contains(needle));
        }

        if (after is { } position)
        {
            query = query.Where(s => s.Id < position);
        }

        var rows = await query.OrderByDescending(s => s.Id).Take(page.First + 1).Select(Subscriber(list.Slug)).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<NewsletterSubscriber>(rows, hasNext, after is not null, CursorOf);
    }

    public async Task<NewsletterListSummary> CreateListAsync(StaffActor actor, NewsletterListInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManagePartnerships);
        var created = await VersionedSaves.CreateAsync(
            contexts,
            async db =>
            {
                var errors = new InputErrors();
                var name = errors.Required("name", input.Name, NewsletterList.NameMaxLength);
                var slug = errors.Slug("slug", input.Slug, name, "name");
                var description = errors.Optional("description", input.Description, NewsletterList.DescriptionMaxLength);
                if (!errors.Has("slug") && await db.NewsletterLists.AnyAsync(l => l.Slug == slug, cancellationToken))
                {
                    errors.Add("slug", $"Another newsletter list already uses the slug '{slug}'.");
                }

                errors.ThrowIfAny();
                var list = new NewsletterList { Slug = slug, Name = name, Description = description, CreatedAt = UtcNow };
                db.NewsletterLists.Add(list);
                return list;
            },
            (db, list) => db.Record(actor, UtcNow, CreateListOperation, EntityType, list.Id, $"Created newsletter list '{list.Name}' ({list.Slug})."),
            null,
            cancellationToken);
        return new NewsletterListSummary(created, 0, 0, 0, 0);
    }

    /// <summary>
    /// Starts an export of a list's subscriptions, oldest first, and records it in the audit log before a single row
    /// leaves: who exported which list, and how many rows, never the addresses themselves.
    /// </summary>
    public async Task<NewsletterExport> ExportAsync(StaffActor actor, string listSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManagePartnerships);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var list = await FindListAsync(db, listSlug, cancellationToken);
        var now = UtcNow;
        // Rows created after the audit entry are left out, so the count it records is the count that leaves.
        var lastId = await db.NewsletterSubscriptions.Where(s => s.ListId == list.Id).MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0;
        var count = await db.NewsletterSubscriptions.CountAsync(s => s.ListId == list.Id && s.Id <= lastId, cancellationToken);
        db.Record(actor, now, ExportOperation, EntityType, list.Id, $"Exported {count} {(count == 1 ? "subscription" : "subscriptions")} of newsletter list '{list.Slug}' as CSV.");
        await db.SaveChangesAsync(cancellationToken);
        return new NewsletterExport(list.Slug, count, ReadExportAsync(list, lastId, cancellationToken));
    }

    private async IAsyncEnumerable<NewsletterSubscriber> ReadExportAsync(NewsletterList list, int lastId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.NewsletterSubscriptions.AsNoTracking()
            .Where(s => s.ListId == list.Id && s.Id <= lastId)
            .OrderBy(s => s.Id)
            .Select(Subscriber(list.Slug))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static System.Linq.Expressions.Expression<Func<NewsletterSubscription, NewsletterSubscriber>> Subscriber(string listSlug) =>
        s => new NewsletterSubscriber(s.Id, listSlug, s.Email, s.Status, s.ConsentAt, s.ConfirmedAt, s.UnsubscribedAt, s.Source, s.CreatedAt);

    private static async Task<NewsletterList> FindListAsync(NewsCmsDbContext db, string listSlug, CancellationToken cancellationToken)
    {
        var slug = listSlug?.Trim() ?? "";
        return await db.NewsletterLists.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken)
            ?? throw NewsCmsException.NotFound($"The newsletter list '{slug}'");
    }

    private async Task<OutboxMessage> ConfirmationMessageAsync(string address, List<NewsletterList> lists, DateTime now, CancellationToken cancellationToken)
    {
        var key = await SigningKeyAsync(cancellationToken);
        var listIds = lists.Select(l => l.Id).ToList();
        // Whole seconds: the token carries Unix seconds.
        var expiresAt = DateTime.UnixEpoch.AddSeconds(new DateTimeOffset(now.AddHours(Settings.ConfirmationHours)).ToUnixTimeSeconds());
        var confirm = NewsletterTokenFormat.Sign(new NewsletterTokenClaims(NewsletterTokenPurpose.Confirm, expiresAt, listIds, address), key);
        var unsubscribe = NewsletterTokenFormat.Sign(new NewsletterTokenClaims(NewsletterTokenPurpose.Unsubscribe, null, listIds, address), key);
        var names = string.Join(", ", lists.Select(l => l.Name));
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Someone, hopefully you, asked to receive {names} at this address.")
            .AppendLine()
            .AppendLine("To confirm, open this link:")
            .AppendLine(NewsletterHeaders.ConfirmUrl(Settings, confirm))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works until {Stamp(expiresAt)}. If you did not ask for this, ignore this message: nothing will be sent to you.")
            .ToString();
        return new OutboxMessage
        {
            Kind = ConfirmationKind,
            ToAddress = address,
            Subject = Truncate($"Confirm your subscription: {names}", OutboxMessage.SubjectMaxLength),
            TextBody = text,
            Headers = NewsletterHeaders.For(Settings, unsubscribe),
        };
    }

    private async Task<NewsletterTokenClaims> ReadAsync(string? token, NewsletterTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var claims = NewsletterTokenFormat.Read(token?.Trim(), await SigningKeyAsync(cancellationToken));
        return claims is not null && claims.Purpose == purpose
            ? claims
            : throw InvalidToken("This newsletter link is not valid: it is malformed, was altered, or is meant for something else.");
    }

    private static string NormalizeEmail(InputErrors errors, string? email)
    {
        var address = errors.Required("email", email, NewsletterSubscription.EmailMaxLength).ToLowerInvariant();
        if (!errors.Has("email")
            && !(MailAddress.TryCreate(address, out var parsed)
                && parsed.Address == address
                && string.IsNullOrEmpty(parsed.DisplayName)
                && parsed.Host.Contains('.', StringComparison.Ordinal)
                && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add("email", "'email' is not an e-mail address.");
        }

        return address;
    }

    /// <summary>The configured key is the servers' shared one in the database, the same for the life of the process.</summary>
    private async Task<byte[]> SigningKeyAsync(CancellationToken cancellationToken) =>
        signingKey ??= await secrets.GetOrCreateAsync(SigningKeyName, SigningKeyBytes, cancellationToken);

    private static string CursorOf(NewsletterSubscriber subscriber) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"subscriber:{subscriber.Id}")));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (raw.StartsWith("subscriber:", StringComparison.Ordinal)
                && int.TryParse(raw.AsSpan("subscriber:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw NewsCmsException.Invalid("after", "'after' is not a cursor this API issued.");
    }

    private static NewsCmsException InvalidToken(string message) => NewsCmsException.Invalid("token", message);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
