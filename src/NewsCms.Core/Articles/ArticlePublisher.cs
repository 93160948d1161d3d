using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using static NewsCms.Core.Articles.ArticleWriting;

namespace NewsCms.Core.Articles;

/// <summary>
/// Moves articles through their lifecycle: review, publication (now, at a time, or when an embargo lifts),
/// unpublication and archiving. Each move is a save like any other: versioned, with a revision and an audit row.
/// </summary>
public sealed class ArticlePublisher(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    /// <summary>Hands a draft to the editors; its writer may still change it until it is published.</summary>
    public Task<Article> SubmitForReviewAsync(StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken) =>
        MoveAsync(actor, articleId, expectedVersion, ArticleOperations.SubmitForReview, RequireMayEdit, (_, article, _, _) =>
        {
            if (article.Status != ArticleStatus.Draft)
            {
                throw NotAllowedNow($"Only a draft can be submitted for review; this story is {article.Status}.");
            }

            article.Status = ArticleStatus.InReview;
            return Task.FromResult($"Submitted \"{article.Title}\" for review.");
        }, cancellationToken);

    /// <summary>
    /// Puts the story live now; when an embargo is still running it is scheduled for the embargo's end instead. The
    /// first publication time is kept on republication, so a story returns to its place in the lists.
    /// </summary>
    public Task<Article> PublishAsync(StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken) =>
        MoveAsync(actor, articleId, expectedVersion, ArticleOperations.Publish, RequirePublisher, async (db, article, now, errors) =>
        {
            if (article.Status == ArticleStatus.Published)
            {
                throw NotAllowedNow("The story is already published.");
            }

            await CheckPublishableAsync(db, article, errors, cancellationToken);
            if (article.EmbargoUntil is { } embargo && embargo > now)
            {
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = embargo;
                return $"Published \"{article.Title}\": scheduled for the end of its embargo, {embargo:O}.";
            }

            article.Status = ArticleStatus.Published;
            article.PublishedAt = article.PublishedAt is { } first && first <= now ? first : now;
            return $"Published \"{article.Title}\".";
        }, cancellationToken);

    /// <summary>Publishes the story at <paramref name="at"/> (UTC), which must be in the future and not before its embargo ends.</summary>
    public Task<Article> ScheduleAsync(StaffActor actor, int articleId, int expectedVersion, DateTime at, CancellationToken cancellationToken) =>
        MoveAsync(actor, articleId, expectedVersion, ArticleOperations.Schedule, RequirePublisher, async (db, article, now, errors) =>
        {
            if (article.Status == ArticleStatus.Published)
            {
                throw NotAllowedNow("The story is already published; unpublish it before scheduling it again.");
            }

            var when = Utc(at)!.Value;
            if (when <= now)
            {
                errors["at"] = "Schedule the story for a time in the future.";
            }
            else if (article.EmbargoUntil > when)
            {
                errors["at"] = $"The story is embargoed until {article.EmbargoUntil:O}; schedule it for then or later.";
            }

            await CheckPublishableAsync(db, article, errors, cancellationToken);
            article.Status = ArticleStatus.Scheduled;
            article.PublishedAt = when;
            return $"Scheduled \"{article.Title}\" for {when:O}.";
        }, cancellationToken);

    /// <summary>Takes a live or scheduled story away from readers; its address stays reserved for it.</summary>
    public Task<Article> UnpublishAsync(StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken) =>
        MoveAsync(actor, articleId, expectedVersion, ArticleOperations.Unpublish, RequirePublisher, (_, article, _, _) =>
        {
            if (article.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled))
            {
                throw NotAllowedNow($"Only a published or scheduled story can be unpublished; this one is {article.Status}.");
            }

            article.Status = ArticleStatus.Unpublished;
            return Task.FromResult($"Unpublished \"{article.Title}\".");
        }, cancellationToken);

    /// <summary>Retires a story that ran: hidden from readers, kept for the record.</summary>
    public Task<Article> ArchiveAsync(StaffActor actor, int articleId, int expectedVersion, CancellationToken cancellationToken) =>
        MoveAsync(actor, articleId, expectedVersion, ArticleOperations.Archive, RequirePublisher, (_, article, _, _) =>
        {
            if (article.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished or ArticleStatus.Scheduled))
            {
                throw NotAllowedNow($"Only a story that was published or scheduled can be archived; this one is {article.Status}: delete it instead.");
            }

            article.Status = ArticleStatus.Archived;
            return Task.FromResult($"Archived \"{article.Title}\".");
        }, cancellationToken);

    private delegate Task<string> Move(NewsCmsDbContext db, Article article, DateTime utcNow, Dictionary<string, string> errors);

    private async Task<Article> MoveAsync(
        StaffActor actor, int articleId, int expectedVersion, string operation, Action<StaffActor, Article> authorize, Move move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await LoadAsync(db, articleId, cancellationToken);
        // Staleness first: a move that lost a race learns to reload, whatever the winner did to the story.
        actor.Require(Permission.WriteArticles);
        RequireVersion(article, expectedVersion);
        authorize(actor, article);

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var summary = await move(db, article, now, errors);
        ArticleValidation.ThrowIfAny(errors);
        await CommitAsync(contexts, db, article, new Change(actor, now, expectedVersion, operation, summary), cancellationToken);
        return article;
    }

    private static void RequirePublisher(StaffActor actor, Article article) => actor.Require(Permission.PublishArticles);

    private static async Task CheckPublishableAsync(NewsCmsDbContext db, Article article, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        await ArticleValidation.CheckSaveAsync(db, article, errors, cancellationToken);
        await ArticleValidation.CheckPublishableAsync(db, article, errors, cancellationToken);
    }
}
