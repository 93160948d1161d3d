using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsCms.BrowserTests.Stories;

/// <summary>What the story tests need but do not test, made through the API as the administrator; and the editor's controls.</summary>
public static class StoryDesk
{
    /// <summary>A section and an author of their own, so that tests sharing a server never collide on names or slugs.</summary>
    public static async Task<(string SectionName, string SectionId, string AuthorName, string AuthorId)> NewsroomAsync(AdminServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var section = await server.GraphQLAsync(
            "mutation($input: SectionInput!) { createSection(input: $input) { id name } }",
            new { input = new { name = $"Markets {suffix}", displayOrder = 0 } });
        var author = await server.GraphQLAsync(
            "mutation($input: AuthorInput!) { createAuthor(input: $input) { id name } }",
            new { input = new { name = $"Rita Reporter {suffix}" } });
        return (
            section.GetProperty("createSection").GetProperty("name").GetString()!,
            section.GetProperty("createSection").GetProperty("id").GetString()!,
            author.GetProperty("createAuthor").GetProperty("name").GetString()!,
            author.GetProperty("createAuthor").GetProperty("id").GetString()!);
    }

    /// <summary>A story made by the administrator; returns its number (the editor's address) and slug.</summary>
    public static async Task<(int Id, string Slug)> CreateStoryAsync(AdminServer server, object input)
    {
        ArgumentNullException.ThrowIfNull(server);
        var created = (await server.GraphQLAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { id slug } }", new { input })).GetProperty("createArticle");
        return (NumberOf(created.GetProperty("id").GetString()!), created.GetProperty("slug").GetString()!);
    }

    public static async Task<JsonElement> EditorialAsync(AdminServer server, int id)
    {
        ArgumentNullException.ThrowIfNull(server);
        var data = await server.GraphQLAsync(
            "query($id: ID!) { editorialArticle(id: $id) { version status body slug } }",
            new { id = GlobalIdOf("Article", id) });
        return data.GetProperty("editorialArticle");
    }

    public static string GlobalIdOf(string type, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{type}:{id}")));

    private static int NumberOf(string globalId)
    {
        var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        return int.Parse(raw.AsSpan(raw.IndexOf(':', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
    }

    public static ILocator Body(this IPage page) => page.Locator("#story-body");

    public static ILocator Preview(this IPage page) => page.GetByTestId("preview");

    public static ILocator SaveStatus(this IPage page) => page.GetByTestId("save-status");

    public static ILocator Status(this IPage page) => page.GetByTestId("story-status");

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
