using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace NewsCms.Core.Newsletter;

/// <summary>What a newsletter link may do: confirm a sign-up, or end subscriptions.</summary>
internal enum NewsletterTokenPurpose : byte
{
    Confirm = 1,
    Unsubscribe = 2,
}

/// <summary>What a newsletter link proves once its signature checks out. A null expiry never expires.</summary>
internal sealed record NewsletterTokenClaims(NewsletterTokenPurpose Purpose, DateTime? ExpiresAt, IReadOnlyList<int> ListIds, string Email);

/// <summary>
/// A newsletter link's token, signed the way preview links are (HMAC-SHA256, base64url, payload and signature joined
/// by a dot). The payload carries the purpose, the expiry (Unix seconds, 0 for never), the list ids and the address,
/// so the link works without a row of its own: the confirmation message is written before any subscription id
/// exists, in the same SaveChanges. The purpose is signed too, so a confirmation link cannot unsubscribe, nor the
/// reverse.
/// </summary>
internal static class NewsletterTokenFormat
{
    private const int HeaderLength = 1 + 8 + 1;
    private const int SignatureLength = 32;
    public const int MaxLists = 32;

    /// <summary>Longer than any token this class writes; anything longer is refused before decoding.</summary>
    public const int MaxLength = 1024;

    public static string Sign(NewsletterTokenClaims claims, byte[] key)
    {
        var email = Encoding.UTF8.GetBytes(claims.Email);
        var payload = new byte[HeaderLength + (4 * claims.ListIds.Count) + email.Length];
        payload[0] = (byte)claims.Purpose;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), claims.ExpiresAt is { } expires ? new DateTimeOffset(expires, TimeSpan.Zero).ToUnixTimeSeconds() : 0);
        payload[9] = checked((byte)claims.ListIds.Count);
        for (var i = 0; i < claims.ListIds.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(HeaderLength + (4 * i)), claims.ListIds[i]);
        }

        email.CopyTo(payload.AsSpan(HeaderLength + (4 * claims.ListIds.Count)));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The claims of a token signed with <paramref name="key"/>; null when it is malformed or its signature fails.</summary>
    public static NewsletterTokenClaims? Read(string? token, byte[] key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || Decode(token.AsSpan(0, dot)) is not { Length: >= HeaderLength } payload || Decode(token.AsSpan(dot + 1)) is not { Length: SignatureLength } signature)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return null;
        }

        var purpose = (NewsletterTokenPurpose)payload[0];
        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
        var count = payload[9];
        if (!Enum.IsDefined(purpose) || count > MaxLists || payload.Length < HeaderLength + (4 * count) || seconds < 0)
        {
            return null;
        }

        var lists = new int[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(HeaderLength + (4 * i)));
        }

        var email = Encoding.UTF8.GetString(payload.AsSpan(HeaderLength + (4 * count)));
        var expiresAt = seconds == 0 ? (DateTime?)null : DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        return new NewsletterTokenClaims(purpose, expiresAt, lists, email);
    }

    /// <summary>Refuses non-canonical text (spare bits set in the last character), so one token has one spelling.</summary>
    private static byte[]? Decode(ReadOnlySpan<char> text)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }

        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text) ? bytes : null;
    }
}
