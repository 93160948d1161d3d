using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Media;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Authors;

/// <summary>
/// What an editor sends to create an author or to replace one: an update sets every field. A null slug is made from
/// the name on create and keeps the current one on update, so that the author's page does not move. The avatar is a
/// picture from the media library.
/// </summary>
public sealed record AuthorInput(string Name, string? Slug, string? JobTitle, string? Bio, int? AvatarMediaId = null);

/// <summary>Creates, changes and deletes authors, for staff whose role grants <see cref="Permission.ManageTaxonomy"/>.</summary>
public sealed class AuthorEditor(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Author";
    private const string What = "The author";

    private readonly TaxonomyWrites<Author, AuthorInput> writes = new(
        contexts,
        clock,
        new()
        {
            Permission = Permission.ManageTaxonomy,
            EntityType = EntityType,
            What = What,
            New = () => new Author { Slug = "", Name = "", Version = 1 },
            Apply = ApplyAsync,
            Describe = a => $"author '{a.Name}' ({a.Slug})",
            RefuseWhileReferenced = RefuseWhileReferencedAsync,
            Recheck = (db, author, id, cancellationToken) => RecheckSlugAsync(db, author.Slug, id, cancellationToken),
        });

    public Task<Author> CreateAsync(StaffActor actor, AuthorInput input, CancellationToken cancellationToken) =>
        writes.CreateAsync(actor, input, cancellationToken);

    public Task<Author> UpdateAsync(StaffActor actor, int id, int expectedVersion, AuthorInput input, CancellationToken cancellationToken) =>
        writes.UpdateAsync(actor, id, expectedVersion, input, cancellationToken);

    /// <summary>Refuses while a byline names the author: the story would lose its writer without anyone deciding so.</summary>
    public Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken) =>
        writes.DeleteAsync(actor, id, expectedVersion, cancellationToken);

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

        await ImageReferences.CheckAsync(db, errors, "avatarId", input.AvatarMediaId, cancellationToken);

        errors.ThrowIfAny();
        author.Name = name;
        author.Slug = slug;
        author.JobTitle = jobTitle;
        author.Bio = bio;
        author.AvatarMediaId = input.AvatarMediaId;
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

    private static async Task RecheckSlugAsync(NewsCmsDbContext db, string slug, int id, CancellationToken cancellationToken)
    {
        if (await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another author already uses the slug '{slug}'.");
        }
    }
}
