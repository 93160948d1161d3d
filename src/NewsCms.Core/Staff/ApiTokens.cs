using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Staff;

/// <summary>A token just issued: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);

/// <summary>
/// Bearer tokens for programmatic clients: issued to a staff account, named, optionally expiring, revocable, and
/// stored only as a hash. A token acts with its owner's roles as they are at each request.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string SecretPrefix = "ncms_";
    public const int MaxLifetimeDays = 3650;

    // Writing "last used" on every request would turn reads into writes; once a minute says enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Issues a token to <paramref name="ownerUserId"/>: one's own, or anyone's with ManageStaff.</summary>
    public async Task<IssuedApiToken> IssueAsync(StaffActor actor, int ownerUserId, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ownerUserId != actor.UserId)
        {
            actor.Require(Permission.ManageStaff);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await IssueAsync(db, ownerUserId, name, expiresInDays, (now, id, summary) => db.Record(actor, now, "createApiToken", "ApiToken", id, summary), cancellationToken);
    }

    /// <summary>For the operator's command line: issues a token to the account with <paramref name="email"/>.</summary>
    public async Task<IssuedApiToken> IssueForOperatorAsync(string email, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        var owner = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw NewsCmsException.NotFound($"The staff account {email}");
        return await IssueAsync(db, owner, name, expiresInDays, (now, id, summary) => db.RecordSystem("cli", now, "createApiToken", "ApiToken", id, summary), cancellationToken);
    }

    /// <summary>Tokens of one owner (one's own, or anyone's with ManageStaff), newest first; revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(StaffActor actor, int? ownerUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var owner = ownerUserId ?? actor.UserId;
        if (owner != actor.UserId)
        {
            actor.Require(Permission.ManageStaff);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == owner).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a token at once. Revoking an already revoked token is a no-op that still answers with it.</summary>
    public async Task<ApiToken> RevokeAsync(StaffActor actor, int tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || (token.UserId != actor.UserId && !actor.Has(Permission.ManageStaff)))
        {
            // Someone else's token is reported as missing: its existence is none of the caller's business.
            throw NewsCmsException.NotFound("The API token");
        }

        if (token.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            token.RevokedAt = now;
            db.Record(actor, now, "revokeApiToken", "ApiToken", token.Id, $"Revoked token '{token.Name}' ({token.Prefix}…) of user {token.UserId}.");
            await db.SaveChangesAsync(cancellationToken);
        }

        return token;
    }

    /// <summary>The actor a presented secret stands for, or null when it is unknown, revoked, expired or its owner is locked out.</summary>
    public async Task<StaffActor?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash)
            .Select(t => new { t.Id, t.UserId, t.RevokedAt, t.ExpiresAt, t.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now.UtcDateTime)
        {
            return null;
        }

        var actor = await StaffAccounts.FindActorAsync(db, token.UserId, now, cancellationToken);
        if (actor is not null && (token.LastUsedAt is null || token.LastUsedAt < now.UtcDateTime - LastUsedResolution))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now.UtcDateTime), cancellationToken);
        }

        return actor;
    }

    private async Task<IssuedApiToken> IssueAsync(NewsCmsDbContext db, int ownerUserId, string name, int? expiresInDays, Func<DateTime, int, string, AuditEntry> audit, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > ApiToken.NameMaxLength)
        {
            errors["name"] = $"A token needs a name of 1 to {ApiToken.NameMaxLength} characters.";
        }

        if (expiresInDays is < 1 or > MaxLifetimeDays)
        {
            errors["expiresInDays"] = $"A token expires after 1 to {MaxLifetimeDays} days, or never.";
        }

        if (errors.Count > 0)
        {
            throw NewsCmsException.Invalid(errors);
        }

        if (!await db.Users.AnyAsync(u => u.Id == ownerUserId, cancellationToken))
        {
            throw NewsCmsException.NotFound("The staff account");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = ownerUserId,
            Name = name,
            SecretHash = Hash(secret),
            Prefix = secret[..ApiToken.PrefixLength],
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(token);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The token's id exists only after the first save, and the audit row names it.
            audit(now, token.Id, $"Issued token '{token.Name}' ({token.Prefix}…) to user {ownerUserId}"
                + (token.ExpiresAt is { } at ? $", expiring {at:u}." : ", not expiring."));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return new IssuedApiToken(token, secret);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
