using Microsoft.EntityFrameworkCore;
using NewsCms.Core.Audit;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;

namespace NewsCms.Core.Common;

/// <summary>
/// What one kind of named row (author, tag, section, sponsor) brings to <see cref="TaxonomyWrites{TEntity, TInput}"/>:
/// its permission, names, input rules and reference checks. Everything else about writing it is the same for every kind.
/// </summary>
internal sealed class TaxonomyRules<TEntity, TInput>
{
    public required Permission Permission { get; init; }

    /// <summary>The audit trail's name of the kind ("Tag"); its operations are "createTag", "updateTag" and "deleteTag".</summary>
    public required string EntityType { get; init; }

    /// <summary>How errors name a row of the kind ("The tag").</summary>
    public required string What { get; init; }

    public required Func<TEntity> New { get; init; }

    /// <summary>Checks the input against what is stored and copies it onto the row; throws VALIDATION, changing nothing, when anything is wrong.</summary>
    public required Func<NewsCmsDbContext, TEntity, TInput, CancellationToken, Task> Apply { get; init; }

    /// <summary>Names the row in the audit summary of a create or update ("tag 'Markets' (markets)").</summary>
    public required Func<TEntity, string> Describe { get; init; }

    /// <summary>Names the row in the audit summary of a delete; <see cref="Describe"/> when not given.</summary>
    public Func<TEntity, string>? DescribeDeleted { get; init; }

    /// <summary>Throws CONFLICT while other rows still point at the row with this id.</summary>
    public required Func<NewsCmsDbContext, int, CancellationToken, Task> RefuseWhileReferenced { get; init; }

    /// <summary>
    /// Runs on a fresh context after a create or update broke a constraint, to find what a racing writer changed since
    /// the checks (a slug taken, a parent deleted) and throw that rule's own error. The id is the row's, 0 for a new one.
    /// </summary>
    public required Func<NewsCmsDbContext, TEntity, int, CancellationToken, Task> Recheck { get; init; }

    /// <summary>
    /// Whether <see cref="Apply"/> checks this update against other rows (a section never below itself), a rule two
    /// racing updates could break together: such updates run serializable, see <see cref="SerializableWrites"/>.
    /// Null when no rule spans rows, so that ordinary saves keep their single statement.
    /// </summary>
    public Func<TInput, bool>? ChecksOtherRows { get; init; }
}

/// <summary>
/// Creating, changing and deleting a named row for staff: the permission, the version check, the input rules, the
/// audit row in the same save, and a write that lost a race turned into the CONFLICT or VALIDATION it would have met.
/// </summary>
internal sealed class TaxonomyWrites<TEntity, TInput>(
    IDbContextFactory<NewsCmsDbContext> contexts, TimeProvider clock, TaxonomyRules<TEntity, TInput> rules)
    where TEntity : class, IVersioned
{
    public async Task<TEntity> CreateAsync(StaffActor actor, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(rules.Permission);
        TEntity? attempted = null;
        return await VersionedSaves.CreateAsync(
            contexts,
            async db =>
            {
                var created = rules.New();
                await rules.Apply(db, created, input, cancellationToken);
                attempted = created;
                db.Set<TEntity>().Add(created);
                return created;
            },
            (db, created) => db.Record(actor, UtcNow, "create" + rules.EntityType, rules.EntityType, created.Id, $"Created {rules.Describe(created)}."),
            () => attempted is null ? Task.CompletedTask : RecheckAsync(attempted, 0, cancellationToken),
            cancellationToken);
    }

    public async Task<TEntity> UpdateAsync(StaffActor actor, int id, int expectedVersion, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        actor.Require(rules.Permission);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return rules.ChecksOtherRows?.Invoke(input) == true
            ? await SerializableWrites.RunAsync(db, Update, cancellationToken)
            : await Update();

        async Task<TEntity> Update()
        {
            var row = await LoadAsync(db, id, expectedVersion, cancellationToken);
            await rules.Apply(db, row, input, cancellationToken);
            row.Version++;
            db.Record(actor, UtcNow, "update" + rules.EntityType, rules.EntityType, id, $"Updated {rules.Describe(row)}.");
            await VersionedSaves.SaveAsync(db, rules.What, () => RecheckAsync(row, id, cancellationToken), cancellationToken);
            return row;
        }
    }

    public async Task DeleteAsync(StaffActor actor, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(rules.Permission);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await LoadAsync(db, id, expectedVersion, cancellationToken);
        await rules.RefuseWhileReferenced(db, id, cancellationToken);
        db.Set<TEntity>().Remove(row);
        db.Record(actor, UtcNow, "delete" + rules.EntityType, rules.EntityType, id, $"Deleted {(rules.DescribeDeleted ?? rules.Describe)(row)}.");
        await VersionedSaves.SaveAsync(db, rules.What, () => RecheckReferencesAsync(id, cancellationToken), cancellationToken);
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private async Task<TEntity> LoadAsync(NewsCmsDbContext db, int id, int expectedVersion, CancellationToken cancellationToken)
    {
        var row = await db.Set<TEntity>().FindAsync([id], cancellationToken) ?? throw NewsCmsException.NotFound(rules.What);
        VersionedSaves.Expect(rules.What, row.Version, expectedVersion);
        return row;
    }

    private async Task RecheckAsync(TEntity row, int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await rules.Recheck(db, row, id, cancellationToken);
    }

    private async Task RecheckReferencesAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await rules.RefuseWhileReferenced(db, id, cancellationToken);
    }
}
