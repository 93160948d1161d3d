namespace NewsCms.Core.Staff;

/// <summary>
/// A bearer token for programmatic clients. Only a hash of the secret is stored: a leaked database does not leak
/// working tokens. The prefix is kept so people can tell their tokens apart.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;

    public int Id { get; set; }
    public int UserId { get; set; }
    public StaffUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex. Tokens are 256 random bits, so a fast hash is enough.</summary>
    public required string SecretHash { get; set; }
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; null means the token does not expire.</summary>
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTime utcNow) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > utcNow);
}
