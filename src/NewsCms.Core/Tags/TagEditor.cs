using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
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

    public async Task<Tag> CreateAsync(StaffActor actor, TagInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageTaxonomy);
        var slug = "";
        return await VersionedSaves.CreateAsync(
            contexts,
            async db =>
            {
                var created = new Tag { Slug = "", Name = "", Version = 1 };
                await ApplyAsync(db, created, input, cancellationToken);
                slug = created.Slug;
                db.Tags.Add(created);
                return created;
            },
            (db, created) => db.Record(actor, UtcNow, "createTag", EntityType, created.Id, $"Created tag '{created.Name}' ({created.Slug})."),
            () => RecheckSlugAsync(slug, 0, cancellationToken),
            cancellationToken);
    }

    public async Task<Tag> UpdateAsync(StaffActor actor, int id, int expectedVersion, TagInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(Permission.ManageTaxonomy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, tag.Version, expectedVersion);
        await ApplyAsync(db, tag, input, cancellationToken);
        tag.Version++;
        db.Record(actor, UtcNow, "updateTag", EntityType, id, $"Updated tag '{tag.Name}' ({tag.Slug}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckSlugAsync(tag.Slug, id, cancellationToken), cancellationToken);
        return tag;
    }

    /// <summary>Refuses while stories carry the tag: untagging them is an editorial decision, not a side effect.</summary>
    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageTaxonomy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NewsCmsException.NotFound(What);
        VersionedSaves.Expect(What, tag.Version, expectedVersion);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
        db.Tags.Remove(tag);
        db.Record(actor, UtcNow, "deleteTag", EntityType, id, $"Deleted tag '{tag.Name}' ({tag.Slug}).");
        await VersionedSaves.SaveAsync(db, What, () => RecheckReferencesAsync(id, cancellationToken), cancellationToken);
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

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

    private async Task RecheckReferencesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RefuseWhileReferencedAsync(db, id, cancellationToken);
    }

    private async Task RecheckSlugAsync(string slug, int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another tag already uses the slug '{slug}'.");
        }
    }
}
