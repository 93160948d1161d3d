using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Articles;

/// <summary>A preview link as issued: the signed token to put in the link, and when it stops working.</summary>
public sealed record IssuedPreviewToken(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>
/// Preview links: short-lived, signed tokens that show one story in any status to whoever holds the link (a writer's
/// source, a lawyer, the frontend's preview page), without an account. An embargo holds even for them.
/// Every refused token is a VALIDATION error on the field "token", with a message saying why.
/// </summary>
public sealed class ArticlePreviews(
    IDbContextFactory<NewsCmsDbContext> contexts,
    ServerSecretStore secrets,
    IOptions<PreviewOptions> options,
    TimeProvider clock)
{
    public const string SigningKeyName = "preview-signing-key";
    public const int DefaultMinutes = 60;
    public const int MinMinutes = 5;
    public const int MaxMinutes = 7 * 24 * 60;
    public const string CreateOperation = "createPreviewToken";
    public const string RevokeOperation = "revokePreviewToken";

    private byte[]? signingKey;

    public async Task<IssuedPreviewToken> CreateAsync(StaffActor actor, int articleId, int? expiresInMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        var minutes = expiresInMinutes ?? DefaultMinutes;
        if (minutes is < MinMinutes or > MaxMinutes)
        {
            throw NewsCmsException.Invalid("expiresInMinutes", $"A preview link lasts from {MinMinutes} minutes to {MaxMinutes / (24 * 60)} days ({MaxMinutes} minutes).");
        }

        var key = await SigningKeyAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.Title, a.CreatedByUserId })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NewsCmsException.NotFound("The article");
        if (!actor.Has(Permission.EditAnyArticle) && article.CreatedByUserId != actor.UserId)
        {
            throw new NewsCmsException(ErrorCode.Forbidden, "You may create preview links only for articles you created.");
        }

        var now = UtcNow;
        // Whole seconds: the token carries Unix seconds, and the row must say the same.
        var expiresAt = DateTime.UnixEpoch.AddSeconds(new DateTimeOffset(now.AddMinutes(minutes)).ToUnixTimeSeconds());
        var token = new PreviewToken { Id = Guid.NewGuid(), ArticleId = articleId, CreatedByUserId = actor.UserId, CreatedAt = now, ExpiresAt = expiresAt };
        db.PreviewTokens.Add(token);
        db.Record(actor, now, CreateOperation, nameof(Article), articleId, $"Created preview link {token.Id} to \"{article.Title}\", valid until {Stamp(expiresAt)}.");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedPreviewToken(token.Id, PreviewTokenFormat.Sign(token.Id, expiresAt, key), expiresAt);
    }

    /// <summary>
    /// Ends a link before its time: the creator's own, or any for those who may edit any article. Returns false when
    /// it was already revoked (nothing changes, nothing is audited); an expired link may still be revoked.
    /// </summary>
    public async Task<bool> RevokeAsync(StaffActor actor, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        var claims = PreviewTokenFormat.Read(token, await SigningKeyAsync(cancellationToken)) ?? throw InvalidToken("This preview link is not valid: it is malformed or was altered.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PreviewTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == claims.TokenId, cancellationToken)
            ?? throw InvalidToken("This preview link is no longer valid: its story was deleted.");
        if (!actor.Has(Permission.EditAnyArticle) && row.CreatedByUserId != actor.UserId)
        {
            throw new NewsCmsException(ErrorCode.Forbidden, "You may revoke only the preview links you created.");
        }

        var now = UtcNow;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            // Conditional, so that two editors revoking at once write one audit entry between them.
            var revoked = await db.PreviewTokens
                .Where(t => t.Id == row.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancel);
            if (revoked == 0)
            {
                await transaction.RollbackAsync(cancel);
                return false;
            }

            db.Record(actor, now, RevokeOperation, nameof(Article), row.ArticleId, $"Revoked preview link {row.Id}.");
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The story behind a preview link, in whatever status, as readers would see it. A story without a publication
    /// time shows the current time, since the public shape promises one.
    /// </summary>
    public async Task<Article> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var claims = PreviewTokenFormat.Read(token, await SigningKeyAsync(cancellationToken)) ?? throw InvalidToken("This preview link is not valid: it is malformed or was altered.");
        var now = UtcNow;
        if (claims.ExpiresAt <= now)
        {
            throw InvalidToken($"This preview link expired at {Stamp(claims.ExpiresAt)}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PreviewTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == claims.TokenId, cancellationToken)
            ?? throw InvalidToken("This preview link is no longer valid: its story was deleted.");
        if (row.RevokedAt is { } revokedAt)
        {
            throw InvalidToken($"This preview link was revoked at {Stamp(revokedAt)}.");
        }

        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.ArticleId, cancellationToken)
            ?? throw InvalidToken("This preview link is no longer valid: its story was deleted.");
        if (article.EmbargoUntil is { } embargo && article.IsEmbargoedAt(now))
        {
            throw InvalidToken($"The story is under embargo until {Stamp(embargo)}; its preview opens then.");
        }

        article.PublishedAt ??= now;
        return article;
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The configured key, or the one the servers share in the database; the same for the life of the process.</summary>
    private async Task<byte[]> SigningKeyAsync(CancellationToken cancellationToken)
    {
        if (signingKey is { } known)
        {
            return known;
        }

        var key = options.Value.DecodeSigningKey() ?? await secrets.GetOrCreateAsync(SigningKeyName, PreviewOptions.MinKeyBytes, cancellationToken);
        signingKey = key;
        return key;
    }

    private static NewsCmsException InvalidToken(string message) => NewsCmsException.Invalid("token", message);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
