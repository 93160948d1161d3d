using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Sections;

/// <summary>
/// What an editor sends to create a section or to replace one: an update sets every field, so it sends what it read
/// with the version. A null slug is made from the name on create and keeps the current one on update, so that
/// renaming a section does not move it; a null parent puts the section at the top level.
/// </summary>
public sealed record SectionInput(string Name, string? Slug, string? Description, int? ParentId, int DisplayOrder);

/// <summary>Creates, changes and deletes sections, for staff whose role grants <see cref="Permission.ManageTaxonomy"/>.</summary>
public sealed class SectionEditor(IDbContextFactory<NewsCmsDbContext> contexts, SectionTree tree, TimeProvider clock)
{
    public const string EntityType = "Section";
    private const string What = "The section";

    private readonly TaxonomyWrites<Section, SectionInput> writes = new(
        contexts,
        clock,
        new()
        {
            Permission = Permission.ManageTaxonomy,
            EntityType = EntityType,
            What = What,
            New = () => new Section { Slug = "", Name = "", Version = 1 },
            Apply = ApplyAsync,
            Describe = s => $"section '{s.Name}' ({s.Slug})",
            RefuseWhileReferenced = RefuseWhileReferencedAsync,
            Recheck = (db, section, id, cancellationToken) => RecheckAsync(db, section.Slug, section.ParentId, id, cancellationToken),
            // Nesting A in B while another editor nests B in A: each walk finds no cycle, together they make one.
            // Only a section given a parent can close a cycle; renames and moves to the top stay plain saves.
            ChecksOtherRows = input => input.ParentId is not null,
        });

    public async Task<Section> CreateAsync(StaffActor actor, SectionInput input, CancellationToken cancellationToken)
    {
        var section = await writes.CreateAsync(actor, input, cancellationToken);
        tree.Invalidate();
        return section;
    }

    public async Task<Section> UpdateAsync(StaffActor actor, int id, int expectedVersion, SectionInput input, CancellationToken cancellationToken)
    {
        var section = await writes.UpdateAsync(actor, id, expectedVersion, input, cancellationToken);
        tree.Invalidate();
        return section;
    }

    /// <summary>Refuses while stories or subsections still point at the section: they would be left without one.</summary>
    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        await writes.DeleteAsync(actor, id, expectedVersion, cancellationToken);
        tree.Invalidate();
    }

    private static async Task ApplyAsync(NewsCmsDbContext db, Section section, SectionInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name, Section.NameMaxLength);
        var slug = input.Slug is null && section.Id != 0 ? section.Slug : errors.Slug("slug", input.Slug, name, "name");
        var description = errors.Optional("description", input.Description, Section.DescriptionMaxLength);
        if (!errors.Has("slug") && await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != section.Id, cancellationToken))
        {
            errors.Add("slug", $"Another section already uses the slug '{slug}'.");
        }

        if (input.ParentId is { } parentId)
        {
            // Sections are few: reading every parent link once beats a query per level of the walk.
            var parents = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add("parentId", "There is no section with this id to nest the section in.");
            }
            else if (section.Id != 0 && IsSelfOrBelow(parents, parentId, section.Id))
            {
                errors.Add("parentId", "A section cannot be nested in itself or in a section below it.");
            }
        }

        errors.ThrowIfAny();
        section.Name = name;
        section.Slug = slug;
        section.Description = description;
        section.ParentId = input.ParentId;
        section.DisplayOrder = input.DisplayOrder;
    }

    /// <summary>Whether walking up from <paramref name="candidate"/> reaches <paramref name="sectionId"/>.</summary>
    private static bool IsSelfOrBelow(Dictionary<int, int?> parents, int candidate, int sectionId)
    {
        var visited = new HashSet<int>();
        for (int? current = candidate; current is { } at && visited.Add(at); current = parents.GetValueOrDefault(at))
        {
            if (at == sectionId)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task RefuseWhileReferencedAsync(NewsCmsDbContext db, int id, CancellationToken cancellationToken)
    {
        var stories = await db.Articles.CountAsync(a => a.SectionId == id, cancellationToken);
        var subsections = await db.Sections.CountAsync(s => s.ParentId == id, cancellationToken);
        if (stories > 0 || subsections > 0)
        {
            throw new NewsCmsException(
                ErrorCode.Conflict,
                $"The section still holds {stories} {(stories == 1 ? "story" : "stories")} and {subsections} {(subsections == 1 ? "subsection" : "subsections")}, drafts and archived stories included; move them to another section first.");
        }
    }

    /// <summary>What another editor may have changed since the checks: taken the slug, or deleted the new parent.</summary>
    private static async Task RecheckAsync(NewsCmsDbContext db, string slug, int? parentId, int id, CancellationToken cancellationToken)
    {
        if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
        {
            throw NewsCmsException.Invalid("slug", $"Another section already uses the slug '{slug}'.");
        }

        if (parentId is { } parent && !await db.Sections.AnyAsync(s => s.Id == parent, cancellationToken))
        {
            throw NewsCmsException.Invalid("parentId", "There is no section with this id to nest the section in.");
        }
    }
}
