using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Media;

namespace NewsCms.Admin.Components.Desks.Stories;

/// <summary>
/// The story editor's live preview: the body rendered by the same <see cref="MarkdownRenderer"/> a save uses, so the
/// editor sees exactly the sanitized HTML, outline, word count and reading time readers will get. It runs on every
/// pause in typing, so it reads nothing from the database except a <c>media:ID</c> it has not met before.
/// </summary>
public sealed class StoryPreview(MarkdownRenderer renderer, MediaLibrary library, MediaUrls urls)
{
    // Null for an id the library does not have, so a dangling reference is not looked up again on every keystroke.
    private readonly Dictionary<int, InlineMedia?> media = [];

    /// <summary>The last body that rendered; kept while a later one cannot, so the preview never goes blank mid-sentence.</summary>
    public RenderedBody Rendered { get; private set; } = new("", "", [], 0, 0);

    /// <summary>Why the latest body could not be rendered (an unknown picture, nesting too deep), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>How long the last render took on the server, for the editor's benchmark.</summary>
    public TimeSpan Took { get; private set; }

    /// <summary>Tells the preview about an asset the editor just uploaded or picked, so its first use needs no read.</summary>
    public void Know(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        media[asset.Id] = urls.Inline(asset);
    }

    public async Task RenderAsync(string markdown, bool sponsored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var known = await MediaOfAsync(markdown, cancellationToken);
            Rendered = renderer.Render(markdown, new MarkdownRenderOptions(sponsored, known));
            Refusal = null;
        }
        catch (NewsCmsException refusal) when (refusal.Code == ErrorCode.Validation)
        {
            Refusal = refusal.FieldErrors.GetValueOrDefault("body") ?? refusal.Message;
        }

        Took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    private async Task<IReadOnlyDictionary<int, InlineMedia>?> MediaOfAsync(string markdown, CancellationToken cancellationToken)
    {
        // The scheme check is a substring test, far cheaper than the second parse that finding the ids takes.
        if (!markdown.Contains("media:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ids = MarkdownRenderer.FindMediaReferences(markdown).AssetIds;
        var unknown = ids.Where(id => !media.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            var found = await library.FindByIdsAsync(unknown, cancellationToken);
            foreach (var id in unknown)
            {
                media[id] = found.TryGetValue(id, out var asset) ? urls.Inline(asset) : null;
            }
        }

        return ids.Where(id => media[id] is not null).ToDictionary(id => id, id => media[id]!);
    }
}
