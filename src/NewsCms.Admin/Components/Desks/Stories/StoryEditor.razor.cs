using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Media;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.Core.Tags;

namespace NewsCms.Admin.Components.Desks.Stories;

/// <summary>
/// Writing a story: every field the core's <see cref="ArticleDraft"/> has, a live preview from the publishing
/// renderer, autosave on the version the editor loaded (a lost race shows both versions and loses neither), and the
/// workflow moves the role allows. Every write goes through the same core service as its GraphQL mutation.
/// </summary>
public sealed partial class StoryEditor : IDisposable
{
    /// <summary>How long after the last change a draft saves itself.</summary>
    public static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest gap between two preview renders while the editor types. A pause shows the change at once; a burst
    /// of keystrokes renders at most this often, and always once more after the last one.
    /// </summary>
    public static readonly TimeSpan PreviewInterval = TimeSpan.FromMilliseconds(150);

    private const int TagChoiceCount = 12;

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource? autosave;

    private StoryFields fields = new();
    private StoryPreview preview = default!;
    private int? loadedId;
    private bool loaded;
    private bool notFound;
    private int version;
    private ArticleStatus status = ArticleStatus.Draft;
    private DateTime? publishedAt;

    private string bodyAsLoaded = "";
    private int bodyGeneration;
    private long previewRenderedAt;
    private bool previewPending;

    private bool dirty;
    private long changeCount;
    private bool saving;
    private bool saveAgain;
    private bool moving;
    private string saveStatus = "";
    private Conflict? conflict;

    private IReadOnlyList<(Section Section, int Depth)> sections = [];
    private IReadOnlyList<Author> authors = [];
    private IReadOnlyList<Tag> tags = [];
    private IReadOnlyList<Sponsor> sponsors = [];
    private MediaAsset? heroImage;
    private int? authorToAdd;
    private string tagSearch = "";
    private DateTime? scheduleAt;
    private string? previewLink;
    private string copyStatus = "";

    [Parameter]
    public int? Id { get; set; }

    [Inject]
    private ArticleEditor Editor { get; set; } = default!;

    [Inject]
    private ArticlePublisher Publisher { get; set; } = default!;

    [Inject]
    private ArticlePreviews Previews { get; set; } = default!;

    [Inject]
    private EditorialArticles Articles { get; set; } = default!;

    [Inject]
    private PublishedArticles Bodies { get; set; } = default!;

    [Inject]
    private SectionTree SectionTree { get; set; } = default!;

    [Inject]
    private AuthorDirectory AuthorDirectory { get; set; } = default!;

    [Inject]
    private TagDirectory TagDirectory { get; set; } = default!;

    [Inject]
    private SponsorDirectory SponsorDirectory { get; set; } = default!;

    [Inject]
    private MediaLibrary Library { get; set; } = default!;

    [Inject]
    private MediaUrls MediaUrls { get; set; } = default!;

    [Inject]
    private MarkdownRenderer Renderer { get; set; } = default!;

    [Inject]
    private IOptions<PreviewOptions> PreviewOptions { get; set; } = default!;

    [Inject]
    private StaffTime StaffTime { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private bool IsNew => loadedId is null;

    private bool Busy => saving || moving || conflict is not null;

    private string ZoneLabel => StaffTime.Zone == TimeZoneInfo.Utc ? "UTC" : StaffTime.Zone.Id;

    private DateTime? BreakingUntilLocal
    {
        get => fields.BreakingUntil is { } utc ? StaffTime.ToLocal(utc) : null;
        set => fields.BreakingUntil = value is { } local ? StaffTime.ToUtc(local) : null;
    }

    private DateTime? EmbargoUntilLocal
    {
        get => fields.EmbargoUntil is { } utc ? StaffTime.ToLocal(utc) : null;
        set => fields.EmbargoUntil = value is { } local ? StaffTime.ToUtc(local) : null;
    }

    protected override async Task OnDeskInitializedAsync()
    {
        StaffTime.Changed += ZoneLearned;
        preview = new StoryPreview(Renderer, Library, MediaUrls);
        var cancel = closing.Token;
        var roots = await SectionTree.RootsAsync(cancel);
        sections = await FlattenAsync(roots, 0, cancel);
        authors = await AuthorDirectory.ListAsync(null, AuthorDirectory.MaxListed, cancel);
        tags = await TagDirectory.ListAsync(null, TagDirectory.MaxListed, cancel);
        sponsors = await SponsorDirectory.AllAsync(cancel);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Creating a story moves the address to its id; the editor already holds it, so nothing is reloaded.
        if (loaded && Id == loadedId)
        {
            return;
        }

        if (Id is { } id)
        {
            await LoadAsync(id);
        }
        else
        {
            loadedId = null;
            conflict = null;
            fields = new StoryFields();
            ReplaceBody();
            await RenderPreviewAsync();
        }

        loaded = true;
    }

    private async Task LoadAsync(int id)
    {
        var story = await ReadAsync(id);
        if (story is null)
        {
            notFound = true;
            return;
        }

        notFound = false;
        loadedId = id;
        Show(story);
        heroImage = fields.HeroImageId is { } heroId ? (await Library.FindByIdsAsync([heroId], closing.Token)).GetValueOrDefault(heroId) : null;
        dirty = false;
        ReplaceBody();
        await RenderPreviewAsync();
    }

    /// <summary>The story as stored now, read the way the editorialArticle query reads it.</summary>
    private async Task<StoredStory?> ReadAsync(int id)
    {
        var cancel = closing.Token;
        if (await Articles.FindAsync(Actor, id, cancel) is not { } article)
        {
            return null;
        }

        int[] ids = [id];
        var body = (await Bodies.BodiesAsync(ids, cancel)).GetValueOrDefault(id);
        var bylines = (await Bodies.AuthorsAsync(ids, cancel))[id];
        var tagged = (await Bodies.TagsAsync(ids, cancel))[id];
        return new StoredStory(article, StoryFields.Of(article, body, bylines, tagged));
    }

    private void Show(StoredStory story)
    {
        fields = story.Fields;
        version = story.Article.Version;
        status = story.Article.Status;
        publishedAt = story.Article.PublishedAt;
    }

    /// <summary>Writes a new body into the textarea: on load and when the editor takes someone else's version.</summary>
    private void ReplaceBody()
    {
        bodyAsLoaded = fields.Markdown;
        bodyGeneration++;
    }

    private async Task BodyInputAsync(ChangeEventArgs e)
    {
        fields.Markdown = e.Value as string ?? "";
        await ChangedAsync();
        var sinceLast = System.Diagnostics.Stopwatch.GetElapsedTime(previewRenderedAt);
        if (previewPending)
        {
            return;
        }

        if (sinceLast >= PreviewInterval)
        {
            await RenderPreviewAsync();
            return;
        }

        previewPending = true;
        _ = RenderPreviewLaterAsync(PreviewInterval - sinceLast);
    }

    private async Task RenderPreviewLaterAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, closing.Token);
            await InvokeAsync(async () =>
            {
                previewPending = false;
                await RenderPreviewAsync();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The editor was closed.
        }
    }

    private async Task RenderPreviewAsync()
    {
        await preview.RenderAsync(fields.Markdown, fields.SponsorId is not null, closing.Token);
        previewRenderedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Marks the story changed and starts the autosave countdown again.</summary>
    private Task ChangedAsync()
    {
        dirty = true;
        changeCount++;
        saveStatus = "Unsaved changes";
        if (autosave is not null)
        {
            autosave.Cancel();
            autosave.Dispose();
        }

        autosave = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        _ = AutosaveLaterAsync(autosave.Token);
        return Task.CompletedTask;
    }

    private async Task AutosaveLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(AutosaveDelay, cancellationToken);
            await InvokeAsync(async () =>
            {
                // Saved by hand meanwhile, or a new story without the title its first save needs: nothing to keep yet.
                if (!dirty || (IsNew && string.IsNullOrWhiteSpace(fields.Title)))
                {
                    return;
                }

                await SaveAsync();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // Another change restarted the countdown, or the editor was closed.
        }
    }

    private Task SaveNowAsync() => SaveAsync();

    /// <summary>
    /// Saves what the editor shows on the version it was loaded at. Losing to someone else's save is never an
    /// overwrite: the editor gets both versions side by side and chooses.
    /// </summary>
    /// <returns>True when the story on the server is now what the editor shows.</returns>
    private async Task<bool> SaveAsync()
    {
        if (conflict is not null)
        {
            return false;
        }

        if (saving)
        {
            saveAgain = true;
            return false;
        }

        // Nothing new to keep: another revision would only say the same thing again.
        if (!dirty && loadedId is not null)
        {
            return true;
        }

        saving = true;
        Article? saved = null;
        var changesAtStart = changeCount;
        var mine = fields.Copy();
        try
        {
            var done = await RunAsync(async () => saved = loadedId is { } id
                ? await Editor.UpdateAsync(Actor, id, version, mine.ToDraft(), closing.Token)
                : await Editor.CreateAsync(Actor, mine.ToDraft(), closing.Token));
            if (!done)
            {
                if (Problem?.Code == ErrorCode.Conflict && loadedId is { } id)
                {
                    Problem = null;
                    await ShowConflictAsync(id);
                }

                saveStatus = conflict is null ? "Not saved" : "Not saved: someone else saved first";
                return false;
            }

            Saved(saved!, changesAtStart);
        }
        finally
        {
            saving = false;
        }

        if (saveAgain)
        {
            saveAgain = false;
            return await SaveAsync();
        }

        return true;
    }

    private void Saved(Article saved, long changesAtStart)
    {
        version = saved.Version;
        status = saved.Status;
        publishedAt = saved.PublishedAt;
        if (changeCount == changesAtStart)
        {
            dirty = false;
        }

        if (fields.Slug is null or "")
        {
            fields.Slug = saved.Slug;
        }

        var at = StaffTime.ToLocal(Clock.GetUtcNow().UtcDateTime);
        saveStatus = dirty ? "Unsaved changes" : string.Create(CultureInfo.InvariantCulture, $"Saved at {at:HH:mm}");
        if (loadedId is null)
        {
            loadedId = saved.Id;
            Id = saved.Id;
            Navigation.NavigateTo($"/admin/stories/{saved.Id}", replace: true);
        }
    }

    private async Task ShowConflictAsync(int id)
    {
        CancelAutosave();
        if (await ReadAsync(id) is { } theirs)
        {
            conflict = new Conflict(new TheirVersion(theirs.Article.Version, theirs.Article.Status, theirs.Article.PublishedAt, theirs.Fields));
        }
        else
        {
            notFound = true;
        }
    }

    /// <summary>Saves the editor's version over theirs: a deliberate choice made after seeing both.</summary>
    private async Task KeepMineAsync()
    {
        if (conflict is null)
        {
            return;
        }

        version = conflict.Theirs.Number;
        conflict = null;
        dirty = true;
        await SaveAsync();
    }

    private async Task TakeTheirsAsync()
    {
        if (conflict is null)
        {
            return;
        }

        var theirs = conflict.Theirs;
        conflict = null;
        fields = theirs.Fields;
        version = theirs.Number;
        status = theirs.Status;
        publishedAt = theirs.PublishedAt;
        dirty = false;
        heroImage = fields.HeroImageId is { } heroId ? (await Library.FindByIdsAsync([heroId], closing.Token)).GetValueOrDefault(heroId) : null;
        ReplaceBody();
        await RenderPreviewAsync();
        saveStatus = "Showing their version";
    }

    private Task SubmitForReviewAsync() => MoveAsync(id => Publisher.SubmitForReviewAsync(Actor, id, version, closing.Token));

    private Task PublishAsync() => MoveAsync(id => Publisher.PublishAsync(Actor, id, version, closing.Token));

    private Task UnpublishAsync() => MoveAsync(id => Publisher.UnpublishAsync(Actor, id, version, closing.Token));

    private Task ArchiveAsync() => MoveAsync(id => Publisher.ArchiveAsync(Actor, id, version, closing.Token));

    private Task ScheduleAsync() =>
        scheduleAt is { } local
            ? MoveAsync(id => Publisher.ScheduleAsync(Actor, id, version, StaffTime.ToUtc(local), closing.Token))
            : Task.CompletedTask;

    /// <summary>
    /// A workflow move applies to what the editor sees: unsaved changes are saved first, and a refused save stops the
    /// move, so an editor never publishes a version other than the one on screen.
    /// </summary>
    private async Task MoveAsync(Func<int, Task<Article>> move)
    {
        if (loadedId is not { } id || moving)
        {
            return;
        }

        moving = true;
        try
        {
            CancelAutosave();
            if (dirty && !await SaveAsync())
            {
                return;
            }

            var changesAtStart = changeCount;
            Article? moved = null;
            if (await RunAsync(async () => moved = await move(id)))
            {
                Saved(moved!, changesAtStart);
                scheduleAt = null;
            }
            else if (Problem?.Code == ErrorCode.Conflict)
            {
                Problem = null;
                await ShowConflictAsync(id);
            }
        }
        finally
        {
            moving = false;
        }
    }

    private void CancelAutosave()
    {
        autosave?.Cancel();
        autosave?.Dispose();
        autosave = null;
    }

    private async Task HeroImageChangedAsync(MediaAsset? asset)
    {
        heroImage = asset;
        fields.HeroImageId = asset?.Id;
        if (asset is not null)
        {
            preview.Know(asset);
        }

        await ChangedAsync();
    }

    private async Task SponsorChangedAsync()
    {
        // Links in a sponsored body carry rel="sponsored", so the preview changes with the sponsor.
        await RenderPreviewAsync();
        await ChangedAsync();
    }

    private async Task AddAuthorAsync()
    {
        if (authorToAdd is { } id && !fields.AuthorIds.Contains(id))
        {
            fields.AuthorIds.Add(id);
            authorToAdd = null;
            await ChangedAsync();
        }
    }

    private async Task MoveAuthorAsync(int position, int by)
    {
        var target = position + by;
        if (target < 0 || target >= fields.AuthorIds.Count)
        {
            return;
        }

        (fields.AuthorIds[position], fields.AuthorIds[target]) = (fields.AuthorIds[target], fields.AuthorIds[position]);
        await ChangedAsync();
    }

    private async Task RemoveAuthorAsync(int position)
    {
        fields.AuthorIds.RemoveAt(position);
        await ChangedAsync();
    }

    private async Task AddTagAsync(int tagId)
    {
        if (!fields.TagIds.Contains(tagId))
        {
            fields.TagIds.Add(tagId);
            await ChangedAsync();
        }
    }

    private async Task RemoveTagAsync(int tagId)
    {
        fields.TagIds.Remove(tagId);
        await ChangedAsync();
    }

    private IEnumerable<Tag> TagChoices()
    {
        var term = tagSearch.Trim();
        return tags
            .Where(t => !fields.TagIds.Contains(t.Id))
            .Where(t => term.Length == 0 || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || t.Slug.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Take(TagChoiceCount);
    }

    private async Task CreatePreviewLinkAsync()
    {
        if (loadedId is not { } id)
        {
            return;
        }

        IssuedPreviewToken? issued = null;
        if (await RunAsync(async () => issued = await Previews.CreateAsync(Actor, id, null, closing.Token)))
        {
            var page = PreviewOptions.Value.PageUrl;
            previewLink = $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}token={Uri.EscapeDataString(issued!.Token)}";
            copyStatus = string.Create(CultureInfo.InvariantCulture, $"Works until {StaffTime.Format(issued.ExpiresAt)}.");
        }
    }

    private async Task CopyPreviewLinkAsync()
    {
        if (previewLink is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("newsCmsAdmin.copyText", previewLink);
            copyStatus = "Copied.";
        }
        catch (JSException)
        {
            // Clipboard access needs a secure origin and the page's focus; the link stays selectable by hand.
            copyStatus = "Copying was refused by the browser: select the link and copy it.";
        }
    }

    private string AuthorName(int id) => authors.FirstOrDefault(a => a.Id == id)?.Name ?? $"Author {id}";

    private string TagName(int id) => tags.FirstOrDefault(t => t.Id == id)?.Name ?? $"Tag {id}";

    private string OutlineHref(OutlineEntry entry) => $"{Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0]}#{entry.Anchor}";

    private static string StatusLabel(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "In review",
        _ => status.ToString(),
    };

    /// <summary>A story's fields as an editor reads them, in form order, for comparing two versions.</summary>
    private IReadOnlyList<(string Field, string Text)> Describe(StoryFields story) =>
    [
        ("Title", story.Title),
        ("Kicker", story.Kicker ?? ""),
        ("Slug", story.Slug ?? ""),
        ("Summary", story.Summary ?? ""),
        ("Body", story.Markdown),
        ("Section", sections.FirstOrDefault(s => s.Section.Id == story.SectionId).Section?.Name ?? ""),
        ("Authors", string.Join(", ", story.AuthorIds.Select(AuthorName))),
        ("Tags", string.Join(", ", story.TagIds.Select(TagName))),
        ("Hero image", story.HeroImageId?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("Hero image alt text", story.HeroImageAlt ?? ""),
        ("Hero image caption", story.HeroImageCaption ?? ""),
        ("Meta title", story.MetaTitle ?? ""),
        ("Meta description", story.MetaDescription ?? ""),
        ("Canonical URL", story.CanonicalUrl ?? ""),
        ("Sponsor", sponsors.FirstOrDefault(s => s.Id == story.SponsorId)?.Name ?? ""),
        ("Sponsor disclosure", story.SponsorDisclosure ?? ""),
        ("Breaking", story.IsBreaking ? "yes" : "no"),
        ("Breaking until", StaffTime.Format(story.BreakingUntil)),
        ("Embargoed until", StaffTime.Format(story.EmbargoUntil)),
    ];

    private async Task<IReadOnlyList<(Section Section, int Depth)>> FlattenAsync(IReadOnlyList<Section> level, int depth, CancellationToken cancellationToken)
    {
        var flat = new List<(Section, int)>();
        var children = await SectionTree.ChildrenAsync(level.Select(s => s.Id).ToList(), cancellationToken);
        foreach (var section in level.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            flat.Add((section, depth));
            flat.AddRange(await FlattenAsync(children[section.Id].ToList(), depth + 1, cancellationToken));
        }

        return flat;
    }

    private void ZoneLearned() => _ = InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        StaffTime.Changed -= ZoneLearned;
        closing.Cancel();
        closing.Dispose();
        autosave?.Dispose();
    }

    private sealed record StoredStory(Article Article, StoryFields Fields);

    /// <summary>What the other editor saved, as read after the save lost to it.</summary>
    private sealed record TheirVersion(int Number, ArticleStatus Status, DateTime? PublishedAt, StoryFields Fields);

    /// <summary>A save that lost: their version, read fresh, beside the editor's own, which stays in the form.</summary>
    private sealed record Conflict(TheirVersion Theirs)
    {
        public IEnumerable<(string Field, string Mine, string Theirs)> Differences(
            IReadOnlyList<(string Field, string Text)> mine, IReadOnlyList<(string Field, string Text)> theirs) =>
            mine.Zip(theirs).Where(pair => pair.First.Text != pair.Second.Text).Select(pair => (pair.First.Field, pair.First.Text, pair.Second.Text));
    }
}
