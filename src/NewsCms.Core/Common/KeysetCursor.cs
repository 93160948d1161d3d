using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsCms.Core.Common;

/// <summary>
/// The position of a row in a list ordered by (time descending, id descending). Encoded opaquely so that
/// clients cannot depend on its shape, and so that a page boundary survives rows being added above it.
/// </summary>
public readonly record struct KeysetCursor(DateTime Time, int Id)
{
    public string Encode()
    {
        var raw = string.Create(CultureInfo.InvariantCulture, $"{Time.Ticks}:{Id}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));
    }

    public static KeysetCursor Decode(string cursor, string argumentName = "after")
    {
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = raw.Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ticks <= DateTime.MaxValue.Ticks)
            {
                return new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            }
        }
        catch (FormatException)
        {
        }

        throw NewsCmsException.Invalid(argumentName, $"'{argumentName}' is not a cursor this API issued.");
    }
}
