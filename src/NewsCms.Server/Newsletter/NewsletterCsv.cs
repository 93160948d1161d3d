using System.Globalization;
using System.Text;
using NewsCms.Core.Newsletter;

namespace NewsCms.Server.Newsletter;

/// <summary>
/// A subscriber export as RFC 4180 CSV (CRLF lines, quoted fields where needed), made safe to open in a spreadsheet:
/// a cell that starts with a formula character gets a leading apostrophe, so that a sign-up typed as
/// <c>=HYPERLINK(...)</c> stays text on the desk of whoever opens the file.
/// </summary>
internal static class NewsletterCsv
{
    public const string Header = "email,status,consentAt,confirmedAt,source";

    public static string Row(NewsletterSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return string.Join(',',
            Cell(subscriber.Email),
            Cell(subscriber.Status.ToString()),
            Cell(Stamp(subscriber.ConsentAt)),
            Cell(subscriber.ConfirmedAt is { } confirmed ? Stamp(confirmed) : ""),
            Cell(subscriber.Source));
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Tab and carriage return start formulas in some spreadsheets too (OWASP CSV injection).
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
