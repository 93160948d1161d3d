using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using static NewsCms.Core.Articles.ArticleWriting;

namespace NewsCms.Core.Articles;

/// <summary>
/// Writing articles: create, change and delete. Every save is validated in full before anything is written, carries
/// the version it was made on, and appends a revision and an audit row in the same transaction.
/// </summary>
public sealed class ArticleEditor(IDbContextFactory<NewsCmsDbContext> contexts, MarkdownRenderer renderer, MediaUrls mediaUrls, TimeProvider clock)
{
    private readonly BodyRendering rendering = new(renderer, mediaUrls);

    /// <summary>A new draft owned by <paramref name="actor"/>, at version 1 with revision 1.</summary>
    public async Task<Article> CreateAsync(StaffActor actor, ArticleDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        actor.Require(Permission.WriteArticles);
        var now = UtcNow;

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var candidate = NewArticle(actor, now);
            await ApplyAsync(db, candidate, draft, rendering, now, errors, cancellationToken);
            await ArticleValidation.CheckSaveAsync(db, candidate, errors, cancellationToken);
            ArticleValidation.ThrowIfAny(errors);
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);

            // The revision needs the article's id, so it takes two statements in one transaction; a retry of the
            // strategy starts over on a fresh context so that nothing half-saved is carried into it.
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async cancel =>
                {
                    await using var write = await contexts.CreateDbContextAsync(cancel);
                    await using var transaction = await write.Database.BeginTransactionAsync(cancel);
                    var article = NewArticle(actor, now);
                    var mediaIds = await ApplyAsync(write, article, draft, rendering, now, [], cancel);
                    write.Articles.Add(article);
                    await write.SaveChangesAsync(cancel);

                    await SetMediaReferencesAsync(write, article.Id, mediaIds, cancel);
                    write.ArticleRevisions.Add(RevisionOf(article, 1, actor, now, ArticleOperations.Create));
                    write.Record(actor, now, ArticleOperations.Create, EntityType, article.Id, $"Created the draft \"{article.Title}\" ({article.Slug}).");
                    await write.SaveChangesAsync(cancel);
                    await transaction.CommitAsync(cancel);
                    return article;
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            var slug = draft.Slug?.Trim() ?? Slugs.From(draft.Title.Trim());
            if (await ArticleValidation.IsSlugTakenAsync(check, slug, 0, cancellationToken))
            {
                throw NewsCmsException.Invalid("slug", $"Another story took the slug '{slug}' a moment ago.");
            }

            throw;
        }
    }

    /// <summary>
    /// Replaces the editable content with <paramref name="draft"/> (a null slug keeps the current one). A story that is
    /// live or scheduled must stay publishable.
    /// </summary>
    public async Task<Article> UpdateAsync(StaffActor actor, int articleId, int expectedVersion, ArticleDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        actor.Require(Permission.WriteArticles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await LoadToEditAsync(db, actor, articleId, expectedVersion, cancellationToken);

        var change = new Change(actor, UtcNow, expectedVersion, ArticleOperations.Update, $"Updated \"{draft.Title.Trim()}\".");
        await ReviseAsync(contexts, db, article, draft, change, rendering, cancellationToken);
        return article;
    }

    /// <summary>Erases a story that never went live. What readers once saw is unpublished or archived instead, never erased.</summary>
    public async Task DeleteAsync(StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.WriteArticles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await LoadToEditAsync(db, actor, articleId, expectedVersion, cancellationToken);
        if (!IsDraft(article.Status) || article.PublishedAt is not null)
        {
            throw NotAllowedNow($"A story that has been published or scheduled is never deleted (this one is {article.Status}); unpublish or archive it.");
        }

        db.Articles.Remove(article);
        db.Record(actor, UtcNow, ArticleOperations.Delete, EntityType, article.Id, $"Deleted the draft \"{article.Title}\" ({article.Slug}).");
        await SaveAsync(contexts, db, article, expectedVersion, cancellationToken);
    }

    private static Article NewArticle(StaffActor actor, DateTime now) => new()
    {
        Title = "",
        Slug = "",
        Status = ArticleStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
        CreatedByUserId = actor.UserId,
        Version = 1,
    };

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
