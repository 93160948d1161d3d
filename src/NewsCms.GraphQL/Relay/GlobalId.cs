using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsCms.GraphQL.Relay;

/// <summary>
/// Opaque, schema-wide ids ("Article:42", base64url-encoded) so that clients can cache by id and refetch any object
/// through <c>node(id:)</c> without knowing our keys or their types.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{typeName}:{id}")));

    /// <summary>The key of <paramref name="globalId"/> when it names an object of <paramref name="typeName"/>, else null.</summary>
    public static int? IdOf(string? globalId, string typeName) =>
        TryDecode(globalId, out var type, out var id) && type == typeName ? id : null;

    public static bool TryDecode(string? globalId, out string typeName, out int id)
    {
        typeName = "";
        id = 0;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }

        string raw;
        try
        {
            raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        }
        catch (FormatException)
        {
            return false;
        }

        var separator = raw.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(raw.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        typeName = raw[..separator];
        return true;
    }
}
