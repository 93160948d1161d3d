using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace NewsCms.Core.Articles;

/// <summary>What a preview link proves once its signature checks out: which token row, valid until when.</summary>
internal sealed record PreviewTokenClaims(Guid TokenId, DateTime ExpiresAt);

/// <summary>
/// A preview link's token: the token row's id and its expiry (whole seconds, UTC), then an HMAC-SHA256 of those
/// 24 bytes, both base64url, joined by a dot. The signature lets a server refuse forged or altered links without a
/// database read; the row lets an editor revoke one early.
/// </summary>
internal static class PreviewTokenFormat
{
    private const int PayloadLength = 24;
    private const int SignatureLength = 32;

    /// <summary>Longer than any token this class writes; anything longer is refused before decoding.</summary>
    public const int MaxLength = 100;

    public static string Sign(Guid tokenId, DateTime expiresAt, byte[] key)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        tokenId.TryWriteBytes(payload[..16]);
        BinaryPrimitives.WriteInt64BigEndian(payload[16..], new DateTimeOffset(expiresAt, TimeSpan.Zero).ToUnixTimeSeconds());
        Span<byte> signature = stackalloc byte[SignatureLength];
        HMACSHA256.HashData(key, payload, signature);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The claims of a token signed with <paramref name="key"/>; null when it is malformed or its signature fails.</summary>
    public static PreviewTokenClaims? Read(string? token, byte[] key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        Span<byte> payload = stackalloc byte[PayloadLength];
        Span<byte> signature = stackalloc byte[SignatureLength];
        if (dot < 0 || !TryDecodeExactly(token.AsSpan(0, dot), payload) || !TryDecodeExactly(token.AsSpan(dot + 1), signature))
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[SignatureLength];
        HMACSHA256.HashData(key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[16..])).UtcDateTime;
        return new PreviewTokenClaims(new Guid(payload[..16]), expiresAt);
    }

    /// <summary>
    /// Decodes into exactly <paramref name="destination"/>'s length, refusing non-canonical text (spare bits set in the
    /// last character) so that one token has exactly one spelling.
    /// </summary>
    private static bool TryDecodeExactly(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != Base64Url.GetEncodedLength(destination.Length)
            || !Base64Url.TryDecodeFromChars(text, destination, out var written)
            || written != destination.Length)
        {
            return false;
        }

        Span<char> canonical = stackalloc char[text.Length];
        return Base64Url.TryEncodeToChars(destination, canonical, out _) && canonical.SequenceEqual(text);
    }
}
