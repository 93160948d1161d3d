using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Articles;

/// <summary>
/// What every article write shares: loading the story with what a save touches, who may change it, the version
/// check, the revision and audit row that go into the same SaveChanges, and turning a lost race into CONFLICT.
/// </summary>
internal static class ArticleWriting
{
    public const string EntityType = "Article";

    public static async Task<Article> LoadAsync(NewsCmsDbContext db, int articleId, CancellationToken cancellationToken) =>
        await db.Articles
            .Include(a => a.Body)
            .Include(a => a.Authors)
            .Include(a => a.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken)
        ?? throw NewsCmsException.NotFound("The article");

    /// <summary>
    /// Loads the story <paramref name="actor"/> is about to change. Staleness is checked before who may edit: a save
    /// that lost a race learns to reload, whatever the winner did to the story.
    /// </summary>
    public static async Task<Article> LoadToEditAsync(
        NewsCmsDbContext db, StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(db, articleId, cancellationToken);
        RequireVersion(article, expectedVersion);
        RequireMayEdit(actor, article);
        return article;
    }

    public static bool IsDraft(ArticleStatus status) => status is ArticleStatus.Draft or ArticleStatus.InReview;

    /// <summary>
    /// Nothing moves a story back to Draft or InReview, so these are the states of stories readers may have linked to.
    /// One unpublished before its scheduled time counts too: a redirect too many costs nothing, a broken link does.
    /// </summary>
    public static bool HasBeenPublished(ArticleStatus status) => status is ArticleStatus.Published or ArticleStatus.Unpublished or ArticleStatus.Archived;

    /// <summary>Writers own their drafts until they go to an editor's hands; anything else needs EditAnyArticle.</summary>
    public static void RequireMayEdit(StaffActor actor, Article article)
    {
        actor.Require(Permission.WriteArticles);
        if (actor.Has(Permission.EditAnyArticle))
        {
            return;
        }

        if (article.CreatedByUserId != actor.UserId || !IsDraft(article.Status))
        {
            throw new NewsCmsException(ErrorCode.Forbidden, "Your role lets you change only drafts you created.");
        }
    }

    public static void RequireVersion(Article article, int expectedVersion)
    {
        if (article.Version != expectedVersion)
        {
            throw NewsCmsException.StaleVersion("The article", article.Version);
        }
    }

    public static NewsCmsException NotAllowedNow(string message) => new(ErrorCode.Validation, message);

    /// <summary>
    /// Copies the draft onto the tracked article. A body the renderer refuses lands in <paramref name="errors"/> with
    /// the rest, so one response lists every problem; nothing is saved while there are any. The inline media rows of
    /// a saved article follow the body in the same save; a new article has no id yet, so its caller adds them.
    /// </summary>
    /// <returns>The library assets the body refers to.</returns>
    public static async Task<IReadOnlySet<int>> ApplyAsync(
        NewsCmsDbContext db, Article article, ArticleDraft draft, BodyRendering rendering, DateTime utcNow, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var previousSlug = article.Slug;
        article.Title = draft.Title.Trim();
        article.Slug = draft.Slug?.Trim() ?? (article.Id == 0 ? Slugs.From(article.Title) : article.Slug);
        article.Kicker = Blank(draft.Kicker);
        article.Summary = draft.Summary?.Trim() ?? "";
        article.SectionId = draft.SectionId;
        article.SponsorId = draft.SponsorId;
        article.SponsorDisclosure = Blank(draft.SponsorDisclosure);
        article.MetaTitle = Blank(draft.MetaTitle);
        article.MetaDescription = Blank(draft.MetaDescription);
        article.CanonicalUrl = Blank(draft.CanonicalUrl);
        article.IsBreaking = draft.IsBreaking;
        article.BreakingUntil = Utc(draft.BreakingUntil);
        article.EmbargoUntil = Utc(draft.EmbargoUntil);
        article.HeroImageId = draft.HeroImageId;
        article.HeroImageAlt = Blank(draft.HeroImageAlt);
        article.HeroImageCaption = Blank(draft.HeroImageCaption);
        if (draft.AuthorIds.Distinct().Count() != draft.AuthorIds.Count)
        {
            errors["authorIds"] = "An author appears twice in the byline.";
        }
        else
        {
            SetBylines(article, draft.AuthorIds);
        }

        SetTags(article, draft.TagIds);

        IReadOnlySet<int> mediaIds = new HashSet<int>();
        if (draft.Markdown.Length > ArticleBody.MarkdownMaxLength)
        {
            // Not rendered at all: the answer is the same, and rendering would only burn time on it.
            errors["body"] = $"A body has at most {ArticleBody.MarkdownMaxLength:N0} characters; this one has {draft.Markdown.Length:N0}.";
        }
        else
        {
            try
            {
                var media = await InlineMediaAsync(db, draft.Markdown, rendering.MediaUrls, cancellationToken);
                // After the sponsor, so that links in a sponsored body are rendered as sponsored.
                article.SetBody(draft.Markdown, rendering.Renderer, media);
                mediaIds = media.Keys.ToHashSet();
            }
            catch (NewsCmsException e) when (e.Code == ErrorCode.Validation)
            {
                foreach (var (field, message) in e.FieldErrors)
                {
                    errors[field] = message;
                }
            }
        }

        if (article.Id != 0 && previousSlug != article.Slug)
        {
            await MoveSlugAsync(db, article, previousSlug, utcNow, cancellationToken);
        }

        if (article.Id != 0 && !errors.ContainsKey("body"))
        {
            await SetMediaReferencesAsync(db, article.Id, mediaIds, cancellationToken);
        }

        return mediaIds;
    }

    /// <summary>
    /// Makes the article's inline media rows match <paramref name="mediaIds"/>, in the context's next save, so that
    /// deleting an asset can tell which stories show it without reading every body.
    /// </summary>
    public static async Task SetMediaReferencesAsync(NewsCmsDbContext db, int articleId, IReadOnlySet<int> mediaIds, CancellationToken cancellationToken)
    {
        var current = articleId == 0
            ? []
            : await db.ArticleMediaReferences.Where(r => r.ArticleId == articleId).ToListAsync(cancellationToken);
        db.ArticleMediaReferences.RemoveRange(current.Where(r => !mediaIds.Contains(r.MediaAssetId)));
        foreach (var id in mediaIds.Where(id => current.TrueForAll(r => r.MediaAssetId != id)))
        {
            db.ArticleMediaReferences.Add(new ArticleMediaReference { ArticleId = articleId, MediaAssetId = id });
        }
    }

    /// <summary>The assets the body refers to, in one query, as what their references become; unknown ids are left for the renderer to report.</summary>
    private static async Task<IReadOnlyDictionary<int, InlineMedia>> InlineMediaAsync(
        NewsCmsDbContext db, string markdown, MediaUrls mediaUrls, CancellationToken cancellationToken)
    {
        var ids = MarkdownRenderer.FindMediaReferences(markdown).AssetIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, InlineMedia>();
        }

        var assets = await db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return assets.ToDictionary(a => a.Id, mediaUrls.Inline);
    }

    /// <summary>Saves new content for an existing article: draft rules always, publishing rules while it is live or due.</summary>
    public static async Task ReviseAsync(
        IDbContextFactory<NewsCmsDbContext> contexts,
        NewsCmsDbContext db,
        Article article,
        ArticleDraft draft,
        Change change,
        BodyRendering rendering,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        await ApplyAsync(db, article, draft, rendering, change.UtcNow, errors, cancellationToken);
        await ArticleValidation.CheckSaveAsync(db, article, errors, cancellationToken);
        if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            await ArticleValidation.CheckPublishableAsync(db, article, errors, cancellationToken);
        }

        if (article.Status == ArticleStatus.Scheduled && article.EmbargoUntil > article.PublishedAt)
        {
            errors.TryAdd("embargoUntil", "The embargo would end after the time the story is scheduled for; reschedule it first.");
        }

        // Readers may already have the story, so an embargo cannot quietly take it back. Taking it off the site is an
        // unpublish (a publisher's call, audited as one); publishing it again then holds it until the embargo ends and
        // the job's lift is audited. Left alone, a live story with a future embargo would vanish and reappear unaudited.
        if (article.Status == ArticleStatus.Published && article.IsEmbargoedAt(change.UtcNow))
        {
            errors.TryAdd("embargoUntil", "The story is already live, so an embargo cannot hold it back: unpublish it, then publish it again to hold it until the embargo ends.");
        }

        ArticleValidation.ThrowIfAny(errors);
        await CommitAsync(contexts, db, article, change, cancellationToken);
    }

    /// <summary>Stamps the new version, adds the revision and audit row, and saves them with the change.</summary>
    public static async Task CommitAsync(IDbContextFactory<NewsCmsDbContext> contexts, NewsCmsDbContext db, Article article, Change change, CancellationToken cancellationToken)
    {
        article.Version = change.ExpectedVersion + 1;
        article.UpdatedAt = change.UtcNow;
        await RecordAsync(db, article, change.Actor, change.UtcNow, change.Operation, change.Summary, cancellationToken);
        await SaveAsync(contexts, db, article, change.ExpectedVersion, cancellationToken);
    }

    /// <summary>Adds the revision and the audit row to the context, so the save that follows writes all three.</summary>
    public static async Task RecordAsync(NewsCmsDbContext db, Article article, StaffActor actor, DateTime utcNow, string operation, string summary, CancellationToken cancellationToken)
    {
        await AddRevisionAsync(db, article, actor.UserId, actor.Email, utcNow, operation, cancellationToken);
        db.Record(actor, utcNow, operation, EntityType, article.Id, summary);
    }

    /// <summary>
    /// Adds the article's next revision to the context. The number is read, not reserved, so it holds only inside a
    /// save that fails when someone else saved the article in between: an editor's version check, or the scheduler's
    /// claim. The unique (article, number) index is the backstop, never the plan.
    /// </summary>
    public static async Task AddRevisionAsync(
        NewsCmsDbContext db, Article article, int? actorUserId, string actorName, DateTime utcNow, string operation, CancellationToken cancellationToken)
    {
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, cancellationToken);
        db.ArticleRevisions.Add(RevisionOf(article, (last ?? 0) + 1, actorUserId, actorName, utcNow, operation));
    }

    public static ArticleRevision RevisionOf(Article article, int number, StaffActor actor, DateTime utcNow, string operation) =>
        RevisionOf(article, number, actor.UserId, actor.Email, utcNow, operation);

    /// <summary>A revision saved by <paramref name="actorName"/>: a staff member's e-mail, or a job's system name with no user.</summary>
    public static ArticleRevision RevisionOf(Article article, int number, int? actorUserId, string actorName, DateTime utcNow, string operation) => new()
    {
        ArticleId = article.Id,
        Number = number,
        CreatedAt = utcNow,
        ActorUserId = actorUserId,
        Actor = actorName,
        Operation = operation,
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        Markdown = article.Body?.Markdown ?? "",
        Metadata = ArticleRevisionMetadata.Of(article).ToJson(),
    };

    /// <summary>
    /// Saves a change made on top of <paramref name="expectedVersion"/>. Whoever saved in between makes the
    /// version check in the UPDATE (or the revision number's unique index) fail; that is reported as CONFLICT with the
    /// version now stored, so the caller reloads instead of overwriting.
    /// </summary>
    public static async Task SaveAsync(IDbContextFactory<NewsCmsDbContext> contexts, NewsCmsDbContext db, Article article, int expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A fresh context: the failed one still holds the rejected changes, and on PostgreSQL an aborted transaction.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await check.Articles.Where(a => a.Id == article.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken)
                ?? throw NewsCmsException.NotFound("The article");
            if (current != expectedVersion)
            {
                throw NewsCmsException.StaleVersion("The article", current);
            }

            if (await ArticleValidation.IsSlugTakenAsync(check, article.Slug, article.Id, cancellationToken))
            {
                throw NewsCmsException.Invalid("slug", $"Another story took the slug '{article.Slug}' a moment ago.");
            }

            throw;
        }
    }

    public static DateTime? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
    };

    /// <summary>A published story's old address keeps working; taking a retired slug back frees it.</summary>
    private static async Task MoveSlugAsync(NewsCmsDbContext db, Article article, string previousSlug, DateTime utcNow, CancellationToken cancellationToken)
    {
        var reclaimed = await db.ArticleSlugRedirects.FindAsync([article.Slug], cancellationToken);
        if (reclaimed is not null && reclaimed.ArticleId == article.Id)
        {
            db.ArticleSlugRedirects.Remove(reclaimed);
        }

        if (HasBeenPublished(article.Status) && Slugs.IsValid(previousSlug))
        {
            db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { Slug = previousSlug, ArticleId = article.Id, RetiredAt = utcNow });
        }
    }

    /// <summary>Updates bylines in place: removing and re-adding the same author would track two rows with one key.</summary>
    private static void SetBylines(Article article, IReadOnlyList<int> authorIds)
    {
        article.Authors.RemoveAll(byline => !authorIds.Contains(byline.AuthorId));
        for (var position = 0; position < authorIds.Count; position++)
        {
            var authorId = authorIds[position];
            var byline = article.Authors.Find(b => b.AuthorId == authorId);
            if (byline is null)
            {
                article.Authors.Add(new ArticleAuthor { AuthorId = authorId, Position = position });
            }
            else
            {
                byline.Position = position;
            }
        }
    }

    private static void SetTags(Article article, IReadOnlyList<int> tagIds)
    {
        var wanted = tagIds.Distinct().ToList();
        article.Tags.RemoveAll(tagging => !wanted.Contains(tagging.TagId));
        foreach (var tagId in wanted.Where(id => article.Tags.TrueForAll(t => t.TagId != id)))
        {
            article.Tags.Add(new ArticleTag { TagId = tagId });
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What a save needs to render a body: the renderer, and the URLs its <c>media:</c> references become.</summary>
    public sealed record BodyRendering(MarkdownRenderer Renderer, MediaUrls MediaUrls);

    /// <summary>Who saves on top of which version, through which operation, and the audit log's sentence for it.</summary>
    public sealed record Change(StaffActor Actor, DateTime UtcNow, int ExpectedVersion, string Operation, string Summary);
}
