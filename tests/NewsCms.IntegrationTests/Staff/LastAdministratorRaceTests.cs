using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.IntegrationTests.Editing;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using static NewsCms.IntegrationTests.Editing.EditingAssertions;

namespace NewsCms.IntegrationTests.Staff;

/// <summary>
/// Two administrators demoting or locking each other at the same moment: each alone is allowed, together they would
/// leave the newsroom without one. Only one test in the class, because it counts every administrator in the database.
/// </summary>
public abstract class LastAdministratorRaceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrators_demoting_or_locking_each_other_at_once_always_leave_one_active_administrator()
    {
        database.RequireAvailable();
        var barrier = new RaceBarrier();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestContent.Now))
            .AddSingleton(database.WithSavesMeetingAt(barrier))
            .AddNewsCmsCore()
            .BuildServiceProvider();
        var accounts = services.GetRequiredService<StaffAccounts>();
        var survivor = await accounts.CreateAsync(null, new NewStaffUser("admin-0@newsroom.test", Password, StaffRoles.Administrator), Cancel);

        for (var round = 1; round <= 6; round++)
        {
            var newcomer = await accounts.CreateAsync(null, new NewStaffUser($"admin-{round}@newsroom.test", Password, StaffRoles.Administrator), Cancel);
            barrier.Arm(2);

            // Both demote, both lock, or one of each: every pair of the two guarded changes.
            var refusals = await Task.WhenAll(
                RefusalOf(() => round % 3 == 2 ? accounts.LockAsync(ActorOf(survivor), newcomer.Id, Cancel) : accounts.SetRoleAsync(ActorOf(survivor), newcomer.Id, StaffRoles.Editor, Cancel)),
                RefusalOf(() => round % 3 == 0 ? accounts.SetRoleAsync(ActorOf(newcomer), survivor.Id, StaffRoles.Writer, Cancel) : accounts.LockAsync(ActorOf(newcomer), survivor.Id, Cancel)));

            Assert.Single(refusals, r => r is null);
            var refused = Assert.Single(refusals, r => r is not null)!;
            Assert.Equal(ErrorCode.Conflict, refused.Code);
            Assert.Contains("last active Administrator", refused.Message, StringComparison.Ordinal);
            var remaining = Assert.Single(await ActiveAdministratorsAsync());
            Assert.Contains(remaining, new[] { survivor.Id, newcomer.Id });
            Assert.Equal(1, await GuardedChangesAuditedAsync(survivor.Id, newcomer.Id));
            survivor = remaining == survivor.Id ? survivor : newcomer;
        }
    }

    private static StaffActor ActorOf(StaffUser user) => new(user.Id, user.Email!, new HashSet<string> { StaffRoles.Administrator });

    /// <summary>Lockout is compared in memory: SQLite cannot compare the offset times Identity stores.</summary>
    private async Task<List<int>> ActiveAdministratorsAsync()
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var administrators = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == StaffRoles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => new { u.Id, u.LockoutEnd })
            .ToListAsync(Cancel);
        return administrators.Where(a => !(a.LockoutEnd > TestContent.Now)).Select(a => a.Id).ToList();
    }

    private async Task<int> GuardedChangesAuditedAsync(params int[] userIds)
    {
        var ids = userIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.AuditLog.CountAsync(e => e.EntityType == "StaffUser" && ids.Contains(e.EntityId) && (e.Operation == "setStaffUserRole" || e.Operation == "lockStaffUser"), Cancel);
    }
}

public sealed class SqliteLastAdministratorRaceTests(SqliteTestDatabase database) : LastAdministratorRaceTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlLastAdministratorRaceTests(PostgreSqlTestDatabase database) : LastAdministratorRaceTests<PostgreSqlTestDatabase>(database);
