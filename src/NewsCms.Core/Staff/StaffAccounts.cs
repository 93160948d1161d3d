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
    /// <summary>
    /// Creates an account. <paramref name="actor"/> is null only for the operator's command line, which is trusted
    /// because it runs with the server's own configuration and database access.
    /// </summary>
    public async Task<StaffUser> CreateAsync(StaffActor? actor, NewStaffUser input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        actor?.Require(Permission.ManageStaff);
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
            if (await users.FindByEmailAsync(user.Email) is not null)
            {
                throw new NewsCmsException(ErrorCode.Conflict, $"A staff account with e-mail {user.Email} already exists.");
            }

            Check(await users.CreateAsync(user, input.Password));
            if (actor is null)
            {
                db.RecordSystem("cli", now, "createStaffUser", "StaffUser", user.Id, $"Created {user.Email} as {input.Role}.");
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

    /// <summary>The account behind an e-mail and password, or null; failures count towards Identity's lockout.</summary>
    public async Task<StaffActor?> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
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
