namespace NewsCms.Core.Newsletter;

/// <summary>
/// The headers every newsletter message carries so that mail clients offer a one-click unsubscribe (RFC 8058): an
/// https link that takes a POST without cookies, and a mailbox as the older fallback (RFC 2369).
/// </summary>
public static class NewsletterHeaders
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    public const string OneClick = "List-Unsubscribe=One-Click";
    public const string UnsubscribePath = "/newsletter/unsubscribe";
    public const string ConfirmPath = "/newsletter/confirm";

    public static Dictionary<string, string> For(NewsletterOptions options, string unsubscribeToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var links = $"<{UnsubscribeUrl(options, unsubscribeToken)}>";
        if (!string.IsNullOrWhiteSpace(options.UnsubscribeMailbox))
        {
            links += $", <mailto:{options.UnsubscribeMailbox.Trim()}?subject=unsubscribe>";
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ListUnsubscribe] = links,
            [ListUnsubscribePost] = OneClick,
        };
    }

    public static string UnsubscribeUrl(NewsletterOptions options, string token) => Link(options, UnsubscribePath, token);

    public static string ConfirmUrl(NewsletterOptions options, string token) => Link(options, ConfirmPath, token);

    private static string Link(NewsletterOptions options, string path, string token)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.PublicBaseUrl.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}";
    }
}
