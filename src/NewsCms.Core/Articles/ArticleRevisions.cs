using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;
using static NewsCms.Core.Articles.ArticleWriting;

namespace NewsCms.Core.Articles;

/// <summary>An article's history: every save as a numbered revision, what changed between two, and going back to one.</summary>
public sealed class ArticleRevisions(IDbContextFactory<NewsCmsDbContext> contexts, MarkdownRenderer renderer, MediaUrls mediaUrls, TimeProvider clock)
{
    /// <summary>Every revision of the article, newest first.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> ListAsync(StaffActor actor, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);
        if (revisions.Count == 0 && !await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            throw NewsCmsException.NotFound("The article");
        }

        return revisions;
    }

    /// <summary>
    /// The line changes from one revision to another, over a text form of each (<see cref="TextOf"/>): one line per
    /// field, then the Markdown, so a moved byline and an edited paragraph read the same way.
    /// </summary>
    public async Task<IReadOnlyList<RevisionDiffLine>> DiffAsync(StaffActor actor, int articleId, int fromNumber, int toNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadDrafts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Number == fromNumber || r.Number == toNumber))
            .ToDictionaryAsync(r => r.Number, cancellationToken);
        var from = revisions.GetValueOrDefault(fromNumber) ?? throw NewsCmsException.NotFound($"Revision {fromNumber} of the article");
        var to = revisions.GetValueOrDefault(toNumber) ?? throw NewsCmsException.NotFound($"Revision {toNumber} of the article");
        var names = await ReferenceNames.LoadAsync(db, [ArticleRevisionMetadata.Parse(from.Metadata), ArticleRevisionMetadata.Parse(to.Metadata)], cancellationToken);
        return Diff(TextOf(from, names), TextOf(to, names));
    }

    /// <summary>Makes the content of revision <paramref name="number"/> current again, as a new revision; history is never rewritten.</summary>
    public async Task<Article> RestoreAsync(StaffActor actor, int articleId, int number, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.WriteArticles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await LoadToEditAsync(db, actor, articleId, expectedVersion, cancellationToken);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, cancellationToken)
            ?? throw NewsCmsException.NotFound($"Revision {number} of the article");

        var change = new Change(actor, clock.GetUtcNow().UtcDateTime, expectedVersion, ArticleOperations.RestoreRevision, $"Restored revision {number} of \"{revision.Title}\".");
        await ReviseAsync(contexts, db, article, DraftOf(revision), change, new BodyRendering(renderer, mediaUrls), cancellationToken);
        return article;
    }

    /// <summary>
    /// The revision as the text the diff compares: a line per field, a blank line, then the body. References read as
    /// "Name (#id)" when <paramref name="names"/> knows them: editors recognise names, and the id keeps a renamed or
    /// deleted one apart from another.
    /// </summary>
    public static string TextOf(ArticleRevision revision, ReferenceNames? names = null)
    {
        names ??= ReferenceNames.None;
        ArgumentNullException.ThrowIfNull(revision);
        var meta = ArticleRevisionMetadata.Parse(revision.Metadata);
        var text = new StringBuilder();
        Line(text, "Title", revision.Title);
        Line(text, "Slug", revision.Slug);
        Line(text, "Kicker", meta.Kicker);
        Line(text, "Summary", revision.Summary);
        Line(text, "Section", meta.SectionId is { } section ? Named(names.Sections, section) : null);
        Line(text, "Authors", string.Join(", ", meta.AuthorIds.Select(id => Named(names.Authors, id))));
        Line(text, "Tags", string.Join(", ", meta.TagIds.Select(id => Named(names.Tags, id))));
        Line(text, "Sponsor", meta.SponsorId is { } sponsor ? Named(names.Sponsors, sponsor) : null);
        Line(text, "Sponsor disclosure", meta.SponsorDisclosure);
        Line(text, "Meta title", meta.MetaTitle);
        Line(text, "Meta description", meta.MetaDescription);
        Line(text, "Canonical URL", meta.CanonicalUrl);
        Line(text, "Breaking", meta.IsBreaking ? "yes" : "no");
        Line(text, "Breaking until", meta.BreakingUntil?.ToString("O", CultureInfo.InvariantCulture));
        Line(text, "Embargo until", meta.EmbargoUntil?.ToString("O", CultureInfo.InvariantCulture));
        text.Append('\n');
        text.Append(revision.Markdown.ReplaceLineEndings("\n"));
        return text.ToString();
    }

    internal static List<RevisionDiffLine> Diff(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var lines = new List<RevisionDiffLine>();
        int oldLine = 0, newLine = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (oldLine < block.DeleteStartA)
            {
                lines.Add(new RevisionDiffLine(DiffLineKind.Unchanged, oldLine + 1, newLine + 1, result.PiecesOld[oldLine]));
                oldLine++;
                newLine++;
            }

            for (var i = 0; i < block.DeleteCountA; i++, oldLine++)
            {
                lines.Add(new RevisionDiffLine(DiffLineKind.Removed, oldLine + 1, null, result.PiecesOld[oldLine]));
            }

            for (var i = 0; i < block.InsertCountB; i++, newLine++)
            {
                lines.Add(new RevisionDiffLine(DiffLineKind.Added, null, newLine + 1, result.PiecesNew[newLine]));
            }
        }

        while (oldLine < result.PiecesOld.Count)
        {
            lines.Add(new RevisionDiffLine(DiffLineKind.Unchanged, oldLine + 1, newLine + 1, result.PiecesOld[oldLine]));
            oldLine++;
            newLine++;
        }

        return lines;
    }

    private static ArticleDraft DraftOf(ArticleRevision revision)
    {
        var meta = ArticleRevisionMetadata.Parse(revision.Metadata);
        return new ArticleDraft
        {
            Title = revision.Title,
            Slug = revision.Slug,
            Summary = revision.Summary,
            Markdown = revision.Markdown,
            Kicker = meta.Kicker,
            SectionId = meta.SectionId,
            AuthorIds = meta.AuthorIds,
            TagIds = meta.TagIds,
            SponsorId = meta.SponsorId,
            SponsorDisclosure = meta.SponsorDisclosure,
            MetaTitle = meta.MetaTitle,
            MetaDescription = meta.MetaDescription,
            CanonicalUrl = meta.CanonicalUrl,
            IsBreaking = meta.IsBreaking,
            BreakingUntil = meta.BreakingUntil,
            EmbargoUntil = meta.EmbargoUntil,
            HeroImageId = meta.HeroImageId,
            HeroImageAlt = meta.HeroImageAlt,
            HeroImageCaption = meta.HeroImageCaption,
        };
    }

    private static string Named(IReadOnlyDictionary<int, string> names, int id) =>
        names.TryGetValue(id, out var name)
            ? string.Create(CultureInfo.InvariantCulture, $"{name} (#{id})")
            : string.Create(CultureInfo.InvariantCulture, $"#{id}");

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append(label).Append(": ").Append(value?.ReplaceLineEndings(" ")).Append('\n');
}

/// <summary>The current names of the sections, authors, tags and sponsors some revisions refer to.</summary>
public sealed record ReferenceNames(
    IReadOnlyDictionary<int, string> Sections,
    IReadOnlyDictionary<int, string> Authors,
    IReadOnlyDictionary<int, string> Tags,
    IReadOnlyDictionary<int, string> Sponsors)
{
    public static readonly ReferenceNames None = new(
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());

    internal static async Task<ReferenceNames> LoadAsync(NewsCmsDbContext db, IReadOnlyList<ArticleRevisionMetadata> revisions, CancellationToken cancellationToken)
    {
        var sectionIds = revisions.Where(r => r.SectionId is not null).Select(r => r.SectionId!.Value).Distinct().ToList();
        var authorIds = revisions.SelectMany(r => r.AuthorIds).Distinct().ToList();
        var tagIds = revisions.SelectMany(r => r.TagIds).Distinct().ToList();
        var sponsorIds = revisions.Where(r => r.SponsorId is not null).Select(r => r.SponsorId!.Value).Distinct().ToList();
        return new ReferenceNames(
            await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
            await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken),
            await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
            await db.Sponsors.AsNoTracking().Where(s => sponsorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken));
    }
}

public enum DiffLineKind
{
    [Description("The line is the same in both revisions.")]
    Unchanged,

    [Description("The line is only in the revision compared to (`toRevision`).")]
    Added,

    [Description("The line is only in the revision compared from (`fromRevision`).")]
    Removed,
}

/// <summary>One line of a diff between revisions, numbered on the side(s) it exists in, from 1.</summary>
public sealed record RevisionDiffLine(DiffLineKind Kind, int? OldLineNumber, int? NewLineNumber, string Text);
