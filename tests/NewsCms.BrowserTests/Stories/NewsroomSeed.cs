using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsCms.BrowserTests.Stories;

/// <summary>A story as the API returned it: its global id, the number the admin's addresses use, and its version.</summary>
public sealed record SeededStory(string Id, int DatabaseId, int Version, string Title);

/// <summary>What the desk tests need but do not test, made through the public API as the administrator.</summary>
public static class NewsroomSeed
{
    private const string StoryFields = "id version title";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<string> CreateSectionAsync(this AdminServer server, string name)
    {
        ArgumentNullException.ThrowIfNull(server);
        var data = await server.GraphQLAsync(
            "mutation($input: SectionInput!) { createSection(input: $input) { id } }",
            new { input = new { name, slug = Slug(name), displayOrder = 0 } });
        return data.GetProperty("createSection").GetProperty("id").GetString()!;
    }

    public static async Task<string> CreateAuthorAsync(this AdminServer server, string name)
    {
        ArgumentNullException.ThrowIfNull(server);
        var data = await server.GraphQLAsync(
            "mutation($input: AuthorInput!) { createAuthor(input: $input) { id } }",
            new { input = new { name, slug = Slug(name) } });
        return data.GetProperty("createAuthor").GetProperty("id").GetString()!;
    }

    /// <summary>A draft that meets every publishing rule when a section and an author are given.</summary>
    public static async Task<SeededStory> CreateStoryAsync(
        this AdminServer server, string title, string? sectionId = null, string? authorId = null, string body = "## Opening\n\nThe first paragraph.", string? heroImageId = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var data = await server.GraphQLAsync(
            $"mutation($input: ArticleInput!) {{ createArticle(input: $input) {{ {StoryFields} }} }}",
            new
            {
                input = new
                {
                    title,
                    slug = Slug(title),
                    summary = $"Summary of {title}",
                    sectionId,
                    authorIds = authorId is null ? Array.Empty<string>() : [authorId],
                    body,
                    heroImageId,
                    heroImageAlt = heroImageId is null ? null : "The picture",
                },
            });
        return StoryOf(data.GetProperty("createArticle"));
    }

    /// <summary>Runs one story mutation taking (id, expectedVersion) plus <paramref name="extra"/> arguments.</summary>
    public static async Task<SeededStory> MoveStoryAsync(this AdminServer server, SeededStory story, string mutation, string extraArguments = "")
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(story);
        var data = await server.GraphQLAsync(
            $"mutation($id: ID!, $version: Int!) {{ {mutation}(id: $id, expectedVersion: $version{extraArguments}) {{ {StoryFields} }} }}",
            new { id = story.Id, version = story.Version });
        return StoryOf(data.GetProperty(mutation));
    }

    public static async Task<SeededStory> UpdateBodyAsync(this AdminServer server, SeededStory story, string body)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(story);
        var data = await server.GraphQLAsync(
            $"mutation($id: ID!, $version: Int!, $input: ArticleInput!) {{ updateArticle(id: $id, expectedVersion: $version, input: $input) {{ {StoryFields} }} }}",
            new { id = story.Id, version = story.Version, input = new { title = story.Title, slug = Slug(story.Title), summary = $"Summary of {story.Title}", body } });
        return StoryOf(data.GetProperty("updateArticle"));
    }

    public static int DatabaseIdOf(string globalId)
    {
        var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        return int.Parse(raw[(raw.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
    }

    private static SeededStory StoryOf(JsonElement story)
    {
        var id = story.GetProperty("id").GetString()!;
        return new SeededStory(id, DatabaseIdOf(id), story.GetProperty("version").GetInt32(), story.GetProperty("title").GetString()!);
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
