namespace NewsCms.Core.Articles;

/// <summary>Settings under <c>NewsCms:Preview</c>.</summary>
public sealed class PreviewOptions
{
    public const string SectionName = "NewsCms:Preview";
    public const int MinKeyBytes = 32;

    public const string InvalidKeyMessage = $"{SectionName}:SigningKey must be base64 of at least 32 bytes (for example: openssl rand -base64 32).";

    /// <summary>
    /// Base64 of at least 32 bytes that signs preview links. Optional: without it the servers share a key they create
    /// in the database; set it to keep the key out of the database, or change it to end every link issued so far.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The frontend's preview page: the admin's preview links are this address with <c>?token=</c>.</summary>
    public string PageUrl { get; set; } = "http://localhost:3000/preview";

    /// <summary>Whether <see cref="SigningKey"/> is absent or usable, so that a host can refuse to start on a bad one.</summary>
    public bool HasUsableSigningKey => string.IsNullOrWhiteSpace(SigningKey) || TryDecode(SigningKey, out _);

    /// <summary>The configured key's bytes, or null when none is configured.</summary>
    internal byte[]? DecodeSigningKey()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            return null;
        }

        return TryDecode(SigningKey, out var key) ? key : throw new InvalidOperationException(InvalidKeyMessage);
    }

    private static bool TryDecode(string text, out byte[] key)
    {
        var buffer = new byte[text.Length];
        var decoded = Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length >= MinKeyBytes;
        key = decoded ? buffer[..length] : [];
        return decoded;
    }
}
