using System.ComponentModel;
using NewsCms.Core.Content;

namespace NewsCms.Core.Routing;

// The descriptions travel into the public schema, where frontends read which path shape each kind has.
public enum RouteKind
{
    [Description("A published story: `/articles/{slug}`.")]
    Article,

    [Description("A section: `/sections/{slug}`.")]
    Section,

    [Description("An author's page: `/authors/{slug}`.")]
    Author,

    [Description("A tag's page: `/tags/{slug}`.")]
    Tag,

    [Description("An old address, such as a story's slug before an editor changed it: send the reader to `redirectTo`.")]
    Redirect,
}

/// <summary>
/// The public site's URL paths: one prefix per kind, then the slug. Every path the API hands out or reads is made
/// here, so the frontend, the redirects and the route lookup cannot disagree. Slugs are unique per kind, so a
/// section's path does not include its parents, and moving a section or a story between sections moves no URL.
/// </summary>
public static class ContentPaths
{
    /// <summary>Longer paths are refused unread: no slug is that long.</summary>
    public const int MaxLength = 1000;

    private static readonly (RouteKind Kind, string Prefix)[] Prefixes =
    [
        (RouteKind.Article, "/articles/"),
        (RouteKind.Section, "/sections/"),
        (RouteKind.Author, "/authors/"),
        (RouteKind.Tag, "/tags/"),
    ];

    public static string Article(string slug) => Of(RouteKind.Article, slug);

    public static string Section(string slug) => Of(RouteKind.Section, slug);

    public static string Author(string slug) => Of(RouteKind.Author, slug);

    public static string Tag(string slug) => Of(RouteKind.Tag, slug);

    public static string Of(RouteKind kind, string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        foreach (var (candidate, prefix) in Prefixes)
        {
            if (candidate == kind)
            {
                return prefix + slug;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Redirects have no path of their own.");
    }

    /// <summary>
    /// Reads a path as a browser sends it: the query and fragment are ignored, and so is one trailing slash.
    /// </summary>
    /// <returns>Whether the path has the shape of a content path; the slug is then well formed, not known to exist.</returns>
    public static bool TryParse(string path, out RouteKind kind, out string slug)
    {
        ArgumentNullException.ThrowIfNull(path);
        kind = default;
        slug = "";
        var span = path.AsSpan();
        var end = span.IndexOfAny('?', '#');
        if (end >= 0)
        {
            span = span[..end];
        }

        if (span.Length > 1 && span[^1] == '/')
        {
            span = span[..^1];
        }

        foreach (var (candidate, prefix) in Prefixes)
        {
            if (span.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = span[prefix.Length..].ToString();
                if (Slugs.IsValid(rest))
                {
                    kind = candidate;
                    slug = rest;
                    return true;
                }

                return false;
            }
        }

        return false;
    }
}
