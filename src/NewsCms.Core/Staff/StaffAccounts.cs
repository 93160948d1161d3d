using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Staff;

/// <summary>What a new staff account needs. The password goes through Identity's validators and hasher.</summary>
public sealed record NewStaffUser(string Email, string Password, string Role, string? DisplayName = null);

/// <summary>
/// Staff accounts on ASP.NET Core Identity. Identity's user manager works on a scoped context, so each operation
/// opens its own scope; the audit row rides in that same context and transaction.
/// </summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Creates an account. <paramref name="actor"/> is null only for the operator's command line, which is trusted
    /// because it runs with the server's own configuration and database access.
    /// </summary>
    public Task<StaffUser> CreateAsync(StaffActor? actor, NewStaffUser input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        actor?.Require(Permission.ManageStaff);
        return CreateAsync(actor, input, firstAdministrator: false, cancellationToken);
    }

    /// <summary>
    /// The admin's one-time set-up: creates an Administrator while the database has none, and refuses with CONFLICT
    /// once one exists, so the set-up page cannot be used to add a second way in later.
    /// </summary>
    public Task<StaffUser> CreateFirstAdministratorAsync(string email, string password, string? displayName, CancellationToken cancellationToken) =>
        CreateAsync(null, new NewStaffUser(email, password, StaffRoles.Administrator, displayName), firstAdministrator: true, cancellationToken);

    /// <summary>Whether any account holds the Administrator role, locked or not.</summary>
    public async Task<bool> HasAdministratorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        return await AnyAdministratorAsync(db, cancellationToken);
    }

    private static Task<bool> AnyAdministratorAsync(NewsCmsDbContext db, CancellationToken cancellationToken) =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == StaffRoles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).AnyAsync(cancellationToken);

    private async Task<StaffUser> CreateAsync(StaffActor? actor, NewStaffUser input, bool firstAdministrator, CancellationToken cancellationToken)
    {
        if (!StaffRoles.IsRole(input.Role))
        {
            throw NewsCmsException.Invalid("role", $"Unknown role '{input.Role}'. Roles: {string.Join(", ", StaffRoles.All)}.");
        }

        var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.Email : input.DisplayName.Trim();
        if (displayName.Length > StaffUser.DisplayNameMaxLength)
        {
            throw NewsCmsException.Invalid("displayName", $"A display name has at most {StaffUser.DisplayNameMaxLength} characters.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new StaffUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = displayName, CreatedAt = now };

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (firstAdministrator && await AnyAdministratorAsync(db, cancellationToken))
            {
                throw new NewsCmsException(ErrorCode.Conflict, "The first administrator has already been set up; sign in instead.");
            }

            if (await users.FindByEmailAsync(user.Email) is not null)
            {
                throw new NewsCmsException(ErrorCode.Conflict, $"A staff account with e-mail {user.Email} already exists.");
            }

            Check(await users.CreateAsync(user, input.Password));
            if (actor is null)
            {
                db.RecordSystem(firstAdministrator ? "setup" : "cli", now, "createStaffUser", "StaffUser", user.Id, $"Created {user.Email} as {input.Role}.");
            }
            else
            {
                db.Record(actor, now, "createStaffUser", "StaffUser", user.Id, $"Created {user.Email} as {input.Role}.");
            }

            Check(await users.AddToRoleAsync(user, input.Role));
            await transaction.CommitAsync(cancellationToken);
            return user;
        });
    }

    /// <summary>Every staff account, by e-mail, with its roles: two statements, however many accounts.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageStaff);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(db, null, cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(user => AccountOf(user, roles[user.Id], now)).ToList();
    }

    /// <summary>Gives the account exactly one role. Refused when it would leave no active administrator.</summary>
    public Task<StaffAccount> SetRoleAsync(StaffActor actor, int userId, string role, CancellationToken cancellationToken)
    {
        if (!StaffRoles.IsRole(role))
        {
            throw NewsCmsException.Invalid("role", $"Unknown role '{role}'. Roles: {string.Join(", ", StaffRoles.All)}.");
        }

        return ChangeAsync(actor, userId, "setStaffUserRole", async (db, user, roles, now) =>
        {
            if (roles.SequenceEqual([role]))
            {
                return null;
            }

            if (role != StaffRoles.Administrator)
            {
                await EnsureAnotherActiveAdministratorAsync(db, user, now, "take the Administrator role from", cancellationToken);
            }

            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
            db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(cancellationToken));
            db.UserRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = roleId });
            roles.Clear();
            roles.Add(role);
            return $"Changed the role of {user.Email} to {role}.";
        }, cancellationToken);
    }

    /// <summary>
    /// Locks the account until unlocked: its cookies and API tokens stop working on their next request. Refused when
    /// it would leave no active administrator.
    /// </summary>
    public Task<StaffAccount> LockAsync(StaffActor actor, int userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, "lockStaffUser", async (db, user, _, now) =>
        {
            if (user.LockoutEnd == DateTimeOffset.MaxValue)
            {
                return null;
            }

            await EnsureAnotherActiveAdministratorAsync(db, user, now, "lock", cancellationToken);
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return $"Locked {user.Email}.";
        }, cancellationToken);

    /// <summary>Lifts a lock, whether an administrator set it or failed sign-ins did.</summary>
    public Task<StaffAccount> UnlockAsync(StaffActor actor, int userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, "unlockStaffUser", (_, user, _, now) =>
        {
            if (user.LockoutEnd is null && user.AccessFailedCount == 0)
            {
                return Task.FromResult<string?>(null);
            }

            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult<string?>($"Unlocked {user.Email}.");
        }, cancellationToken);

    /// <summary>
    /// Loads the account, lets <paramref name="change"/> alter it (or return null when there is nothing to do), and
    /// saves the change and its audit row together. A new security stamp tells Identity the account changed.
    /// </summary>
    private async Task<StaffAccount> ChangeAsync(
        StaffActor actor,
        int userId,
        string operation,
        Func<NewsCmsDbContext, StaffUser, List<string>, DateTimeOffset, Task<string?>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageStaff);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var now = clock.GetUtcNow();
        // Serializable: two administrators demoting or locking each other at once would otherwise both find the
        // other still active and leave none. Staff changes are rare, so the stricter isolation costs nothing that matters.
        return await SerializableWrites.RunAsync(db, async () =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
                ?? throw NewsCmsException.NotFound("The staff account");
            var roles = (await RolesByUserAsync(db, userId, cancellationToken))[userId].ToList();
            if (await change(db, user, roles, now) is { } summary)
            {
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                db.Record(actor, now.UtcDateTime, operation, "StaffUser", user.Id, summary);
                await db.SaveChangesAsync(cancellationToken);
            }

            return AccountOf(user, roles, now);
        }, cancellationToken);
    }

    /// <summary>The newsroom must never be left without someone who can manage staff.</summary>
    private static async Task EnsureAnotherActiveAdministratorAsync(NewsCmsDbContext db, StaffUser user, DateTimeOffset now, string action, CancellationToken cancellationToken)
    {
        var administrators = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == StaffRoles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => new { u.Id, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var active = administrators.Where(a => !(a.LockoutEnd > now)).Select(a => a.Id).ToList();
        if (active.Contains(user.Id) && active.Count == 1)
        {
            throw new NewsCmsException(ErrorCode.Conflict, $"Cannot {action} {user.Email}: it is the last active Administrator account.");
        }
    }

    private static async Task<ILookup<int, string>> RolesByUserAsync(NewsCmsDbContext db, int? userId, CancellationToken cancellationToken)
    {
        var links = db.UserRoles.AsQueryable();
        if (userId is { } id)
        {
            links = links.Where(ur => ur.UserId == id);
        }

        var pairs = await links.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ToLookup(p => p.UserId, p => p.Name!);
    }

    private static StaffAccount AccountOf(StaffUser user, IEnumerable<string> roles, DateTimeOffset now) =>
        new(user.Id, user.Email ?? "", user.DisplayName, roles.ToList(), user.CreatedAt, user.LockoutEnd > now);

    /// <summary>The account as administrators see it, for the answer to a create.</summary>
    public static StaffAccount AccountOf(StaffUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email ?? "", user.DisplayName, [role], user.CreatedAt, false);
    }

    /// <summary>The account behind an e-mail and password, or null; failures count towards Identity's lockout.</summary>
    public async Task<StaffActor?> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so that the answer takes as long whether or not the e-mail has an account.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownUserHash.Value, password);
            return null;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return null;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return await ActorOfAsync(user.Id, cancellationToken);
    }

    /// <summary>The actor for a user id with the roles the database holds now, or null when the account is gone or locked.</summary>
    public async Task<StaffActor?> ActorOfAsync(int userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        return await FindActorAsync(db, userId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Reads the account and its roles in one statement. Lockout is checked in memory: SQLite cannot compare the
    /// offset times Identity stores.
    /// </summary>
    internal static async Task<StaffActor?> FindActorAsync(NewsCmsDbContext db, int userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return account is null || account.LockoutEnd > now
            ? null
            : new StaffActor(account.Id, account.Email ?? "", account.Roles.ToHashSet(StringComparer.Ordinal));
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var fields = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "role";
            fields[field] = fields.TryGetValue(field, out var earlier) ? $"{earlier} {error.Description}" : error.Description;
        }

        throw NewsCmsException.Invalid(fields);
    }
}
