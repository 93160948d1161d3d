using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Tags;

/// <summary>
/// What an editor sends to create a tag or to replace one. A null slug is made from the name on create and keeps the
/// current one on update, so that the tag's page does not move.
/// </summary>
public sealed record TagInput(string Name, string? Slug);

/// <summary>Creates, changes and deletes tags, for staff whose role grants <see cref="Permission.ManageTaxonomy"/>.</summary>
public sealed class TagEditor(IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock)
{
    public const string EntityType = "Tag";
    private const string What = "The tag";

    private readonly TaxonomyWrites<Tag, TagInput> writes = new(
        contexts,
        clock,
        new()
        {
            Permission = Permission.ManageTaxonomy,
            EntityType = EntityType,
            What = What,
            New = () => new Tag { Slug = "", Name = "", Version = 1 },
            Apply = ApplyAsync,
            Describe = t => $"tag '{t.Name}' ({t.Slug})",
            RefuseWhileReferenced = RefuseWhileReferencedAsync,
            Recheck = (db, tag, id, cancellationToken) => RecheckSlugAsync(db, tag.Slug, id, cancellationToken),
        });

    public Task<Tag> CreateAsync(StaffActor actor, TagInput input, CancellationToken cancellationToken) =>
        writes.CreateAsync(actor, input, cancellationToken);

    public Task<Tag> UpdateAsync(StaffActor actor, int id, int expectedVersion, TagInput input, CancellationToken cancellationToken) =>
        writes.UpdateAsync(actor, id, expectedVersion, input, cancellationToken);

    /// <summary>Refuses while stories carry the tag: untagging them is an editorial decision, not a side effect.</summary>
    public Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken) =>
        writes.DeleteAsync(actor, id, expectedVersion, cancellationToken);

    private static async Task ApplyAsync(NewsCmsDbContext db, Tag tag, TagInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name, Tag.NameMaxLength);
        var slug = input.Slug is null && tag.Id != 0 ? tag.Slug : errors.Slug("slug", input.Slug, name, "name");
        if (!errors.Has("slug") && await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != tag.Id, cancellationToken))
        {
            errors.Add("slug", $"Another tag already uses the slug '{slug}'.");
        }

        errors.ThrowIfAny();
        tag.Name = name;
        tag.Slug = slug;
    }

    private static async Task RefuseWhileReferencedAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var stories = await db.ArticleTags.CountAsync(x => x.TagId == id, cancellationToken);
        if (stories > 0)
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                $"The tag is on {stories} {(stories == 1 ? "story" : "stories")}, drafts and archived stories included; remove it from them first.");
        }
    }

    private static async Task RecheckSlugAsync(NewsCmsDbContext db, string slug, int id, CancellationToken cancellationToken)
    {
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another tag already uses the slug '{slug}'.");
        }
    }
}
