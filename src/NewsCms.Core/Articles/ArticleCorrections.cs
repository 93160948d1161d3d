using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Articles;

/// <summary>
/// The public record of what changed in a published story after it ran. Notes are only ever appended: there is
/// deliberately no way to edit or remove one, so a reader can trust that what the record said stays said.
/// </summary>
public sealed class ArticleCorrections(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Article";

    // A correction does not overwrite anyone's edit, so losing a race to another save is retried, not reported.
    private const int Attempts = 3;

    /// <summary>
    /// Appends a note to a story readers can see now, marks the story as updated at that time and moves its version
    /// on, so that an editor holding the old version reloads before saving over it.
    /// </summary>
    public async Task<Article> AppendAsync(StaffActor actor, int articleId, CorrectionKind kind, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.PublishArticles);
        var errors = new InputErrors();
        var note = errors.Required("text", text, ArticleCorrection.TextMaxLength);
        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", "'kind' is not a kind of correction.");
        }

        errors.ThrowIfAny();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(actor, articleId, kind, note, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another save moved the version or took the next revision number first: read again and append after it.
            }
            catch (DbUpdateException)
            {
                throw new NewsCmsException(ErrorCode.Conflict, "The story kept changing while the correction was being saved; send it again.");
            }
        }
    }

    /// <summary>The notes of several stories at once, each story's oldest first.</summary>
    public async Task<ILookup<int, ArticleCorrection>> ForArticlesAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notes = await db.ArticleCorrections.AsNoTracking()
            .Where(c => articleIds.Contains(c.ArticleId))
            .OrderBy(c => c.ArticleId).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return notes.ToLookup(c => c.ArticleId);
    }

    private async Task<Article> TryAppendAsync(StaffActor actor, int articleId, CorrectionKind kind, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await ArticleWriting.LoadAsync(db, articleId, cancellationToken);
        if (!article.IsPublicAt(now))
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                "Only a story readers can see now takes corrections; change a draft, scheduled, embargoed or withdrawn story by editing it.");
        }

        db.ArticleCorrections.Add(new ArticleCorrection { ArticleId = articleId, Kind = kind, Text = text, CreatedAt = now, ActorUserId = actor.UserId });
        article.UpdatedAt = now;
        article.Version++;
        // A correction is a save of the story like any other, so its history shows who corrected it and when.
        await ArticleWriting.RecordAsync(db, article, actor, now, "appendArticleCorrection", $"{kind} on '{article.Title}': {text}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return article;
    }
}
