using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Authors;

/// <summary>
/// What an editor sends to create an author or to replace one: an update sets every field. A null slug is made from
/// the name on create and keeps the current one on update, so that the author's page does not move.
/// </summary>
public sealed record AuthorInput(string Name, string? Slug, string? JobTitle, string? Bio);

/// <summary>Creates, changes and deletes authors, for staff whose role grants <see cref="Permission.ManageTaxonomy"/>.</summary>
public sealed class AuthorEditor(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Author";
    private const string What = "The author";

    public async Task<Author> CreateAsync(StaffActor actor, AuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageTaxonomy);
        var slug = "";
        return await VersionedSaves.CreateAsync(
            contexts,
            async db =>
            {
                var created = new Author { Slug = "", Name = "", Version = 1 };
                await ApplyAsync(db, created, input, cancellationToken);
                slug = created.Slug;
                db.Authors.Add(created);
                return created;
            },
            (db, created) => db.Record(actor, UtcNow, "createAuthor", EntityType, created.Id, $"Created author '{created.Name}' ({created.Slug})."),
            () => RecheckSlugAsync(slug, 0, cancellationToken),
            cancellationToken);
    }

    public async Task<Author> UpdateAsync(StaffActor actor, int id, int expectedVersion, AuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageTaxonomy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, author.Version, expectedVersion);
        await ApplyAsync(db, author, input, cancellationToken);
        author.Version++;
        db.Record(actor, UtcNow, "updateAuthor", EntityType, id, $"Updated author '{author.Name}' ({author.Slug}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckSlugAsync(author.Slug, id, cancellationToken), cancellationToken);
        return author;
    }

    /// <summary>Refuses while a byline names the author: the story would lose its writer without anyone deciding so.</summary>
    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageTaxonomy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, author.Version, expectedVersion);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
        db.Authors.Remove(author);
        db.Record(actor, UtcNow, "deleteAuthor", EntityType, id, $"Deleted author '{author.Name}' ({author.Slug}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckReferencesAsync(id, cancellationToken), cancellationToken);
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private static async Task ApplyAsync(NewsCmsDbContext db, Author author, AuthorInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name, Author.NameMaxLength);
        var slug = input.Slug is null && author.Id != 0 ? author.Slug : errors.Slug("slug", input.Slug, name, "name");
        var jobTitle = errors.Optional("jobTitle", input.JobTitle, Author.JobTitleMaxLength);
        var bio = errors.Optional("bio", input.Bio, Author.BioMaxLength);
        if (!errors.Has("slug") && await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != author.Id, cancellationToken))
        {
            errors.Add("slug", $"Another author already uses the slug '{slug}'.");
        }

        errors.ThrowIfAny();
        author.Name = name;
        author.Slug = slug;
        author.JobTitle = jobTitle;
        author.Bio = bio;
    }

    private static async Task RefuseWhileReferencedAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var stories = await db.ArticleAuthors.CountAsync(x => x.AuthorId == id, cancellationToken);
        if (stories > 0)
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                $"The author is in the byline of {stories} {(stories == 1 ? "story" : "stories")}, drafts and archived stories included; take them off those bylines first.");
        }
    }

    private async Task RecheckReferencesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
    }

    private async Task RecheckSlugAsync(string slug, int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another author already uses the slug '{slug}'.");
        }
    }
}
