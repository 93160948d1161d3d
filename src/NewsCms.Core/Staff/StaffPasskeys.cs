using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Data;

namespace NewsCms.Core.Staff;

/// <summary>A passkey as its owner sees it; <see cref="Id"/> is the credential id in base64url.</summary>
public sealed record StaffPasskey(string Id, string Name, DateTime CreatedAt);

/// <summary>
/// A staff member's own passkeys, stored by Identity. The WebAuthn ceremony (challenge, signature, origin) is the
/// host's, since it needs the browser's request; what is kept, how it is named and who may change it is decided here.
/// Every member manages only their own passkeys: an administrator who wants someone out locks the account instead.
/// </summary>
public sealed class StaffPasskeys(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int NameMaxLength = 100;

    // A newsroom member has a laptop, a phone and a spare key; a hundred means something is wrong.
    public const int MaxPerAccount = 20;

    /// <summary>The signed-in member's passkeys, newest first.</summary>
    public async Task<IReadOnlyList<StaffPasskey>> ListAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await OwnAccountAsync(users, actor);
        var passkeys = await users.GetPasskeysAsync(user);
        return passkeys.OrderByDescending(p => p.CreatedAt).Select(Describe).ToList();
    }

    /// <summary>
    /// Keeps a passkey the browser has just created and the host has verified (attestation), under
    /// <paramref name="name"/>.
    /// </summary>
    public async Task<StaffPasskey> RegisterAsync(StaffActor actor, UserPasskeyInfo passkey, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(passkey);
        name = CheckName(name);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var user = await OwnAccountAsync(users, actor);
        if ((await users.GetPasskeysAsync(user)).Count >= MaxPerAccount)
        {
            throw new NewsCmsException(ErrorCode.Conflict, $"An account has at most {MaxPerAccount} passkeys; remove one first.");
        }

        if (await users.FindByPasskeyIdAsync(passkey.CredentialId) is not null)
        {
            throw new NewsCmsException(ErrorCode.Conflict, "This passkey is already registered.");
        }

        passkey.Name = name;
        // Identity saves the passkey and the audit row in the one SaveChanges it makes for the user.
        db.Record(actor, clock.GetUtcNow().UtcDateTime, "registerPasskey", "StaffUser", user.Id, $"Registered passkey '{name}'.");
        Check(await users.AddOrUpdatePasskeyAsync(user, passkey));
        return Describe(passkey);
    }

    public async Task<StaffPasskey> RenameAsync(StaffActor actor, string passkeyId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        name = CheckName(name);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var user = await OwnAccountAsync(users, actor);
        var passkey = await users.GetPasskeyAsync(user, DecodeId(passkeyId)) ?? throw NewsCmsException.NotFound("The passkey");
        if (passkey.Name == name)
        {
            return Describe(passkey);
        }

        db.Record(actor, clock.GetUtcNow().UtcDateTime, "renamePasskey", "StaffUser", user.Id, $"Renamed passkey '{passkey.Name}' to '{name}'.");
        passkey.Name = name;
        Check(await users.AddOrUpdatePasskeyAsync(user, passkey));
        return Describe(passkey);
    }

    /// <summary>Removes a passkey: it no longer signs anyone in, even from the device that still holds it.</summary>
    public async Task RemoveAsync(StaffActor actor, string passkeyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var user = await OwnAccountAsync(users, actor);
        var passkey = await users.GetPasskeyAsync(user, DecodeId(passkeyId)) ?? throw NewsCmsException.NotFound("The passkey");
        db.Record(actor, clock.GetUtcNow().UtcDateTime, "removePasskey", "StaffUser", user.Id, $"Removed passkey '{passkey.Name}'.");
        Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
    }

    /// <summary>
    /// The last step of a passkey sign-in the host has verified (assertion): the actor to sign in, or null when the
    /// account is gone or locked, exactly as a right password on a locked account gets nothing. The passkey keeps the
    /// authenticator's new signature counter, so a cloned key shows up.
    /// </summary>
    public async Task<StaffActor?> CompleteSignInAsync(int userId, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<NewsCmsDbContext>();
        var actor = await StaffAccounts.FindActorAsync(db, userId, clock.GetUtcNow(), cancellationToken);
        var user = actor is null ? null : await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || !(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return actor;
    }

    private static async Task<StaffUser> OwnAccountAsync(UserManager<StaffUser> users, StaffActor actor) =>
        await users.FindByIdAsync(actor.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new NewsCmsException(ErrorCode.Unauthenticated, "The signed-in account no longer exists.");

    private static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > NameMaxLength
            ? throw NewsCmsException.Invalid("name", $"A passkey needs a name of 1 to {NameMaxLength} characters, such as \"Work laptop\".")
            : trimmed;
    }

    private static byte[] DecodeId(string passkeyId)
    {
        try
        {
            return Base64Url.DecodeFromChars(passkeyId);
        }
        catch (FormatException)
        {
            throw NewsCmsException.NotFound("The passkey");
        }
    }

    private static StaffPasskey Describe(UserPasskeyInfo passkey) =>
        new(Base64Url.EncodeToString(passkey.CredentialId), passkey.Name ?? "Unnamed passkey", passkey.CreatedAt.UtcDateTime);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused a passkey change: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
