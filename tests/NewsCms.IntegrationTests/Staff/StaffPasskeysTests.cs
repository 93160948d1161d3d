using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Staff;

/// <summary>
/// What the core keeps of a passkey once the host has verified the browser's ceremony: its name, its owner, the audit
/// trail, and that a locked account gets nothing from it. The WebAuthn signatures are the browser suite's to prove.
/// </summary>
public abstract class StaffPasskeysTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncDisposable
    where TDatabase : TestDatabase
{
    private const string Password = "correct horse battery staple";

    private readonly ServiceProvider services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<TimeProvider>(new FakeTimeProvider(TestContent.Now))
        .AddSingleton<IDbContextFactory<NewsCmsDbContext>>(_ => database.Contexts)
        .AddNewsCmsCore()
        .BuildServiceProvider();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private StaffPasskeys Passkeys => services.GetRequiredService<StaffPasskeys>();

    [Fact]
    public async Task A_member_registers_renames_and_removes_their_own_passkeys_and_each_change_is_audited()
    {
        var owner = await NewStaffAsync(StaffRoles.Writer);
        var laptop = NewPasskey();

        var registered = await Passkeys.RegisterAsync(owner, laptop, "  Work laptop ", Cancel);
        await Passkeys.RegisterAsync(owner, NewPasskey(), "Spare key", Cancel);
        var renamed = await Passkeys.RenameAsync(owner, registered.Id, "Newsroom laptop", Cancel);
        var list = await Passkeys.ListAsync(owner, Cancel);
        var spare = list.Single(p => p.Name == "Spare key");
        await Passkeys.RemoveAsync(owner, spare.Id, Cancel);

        Assert.Equal("Work laptop", registered.Name);
        Assert.Equal("Newsroom laptop", renamed.Name);
        Assert.Equal(2, list.Count);
        var left = Assert.Single(await Passkeys.ListAsync(owner, Cancel));
        Assert.Equal((registered.Id, "Newsroom laptop"), (left.Id, left.Name));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var trail = await db.AuditLog.Where(e => e.ActorUserId == owner.UserId).OrderBy(e => e.Id).Select(e => new { e.Operation, e.EntityType, e.EntityId, e.Summary }).ToListAsync(Cancel);
        Assert.Equal(["registerPasskey", "registerPasskey", "renamePasskey", "removePasskey"], trail.Select(e => e.Operation));
        Assert.All(trail, e => Assert.Equal(("StaffUser", owner.UserId.ToString(CultureInfo.InvariantCulture)), (e.EntityType, e.EntityId)));
        Assert.Equal("Renamed passkey 'Work laptop' to 'Newsroom laptop'.", trail[2].Summary);
        Assert.Equal("Removed passkey 'Spare key'.", trail[3].Summary);
    }

    [Fact]
    public async Task Another_members_passkey_is_not_found_and_stays_as_it_was()
    {
        var owner = await NewStaffAsync(StaffRoles.Writer);
        var administrator = await NewStaffAsync(StaffRoles.Administrator);
        var passkey = await Passkeys.RegisterAsync(owner, NewPasskey(), "Phone", Cancel);

        var rename = await Assert.ThrowsAsync<NewsCmsException>(() => Passkeys.RenameAsync(administrator, passkey.Id, "Mine now", Cancel));
        var remove = await Assert.ThrowsAsync<NewsCmsException>(() => Passkeys.RemoveAsync(administrator, passkey.Id, Cancel));

        Assert.Equal((ErrorCode.NotFound, ErrorCode.NotFound), (rename.Code, remove.Code));
        Assert.Equal("Phone", Assert.Single(await Passkeys.ListAsync(owner, Cancel)).Name);
        Assert.Empty(await Passkeys.ListAsync(administrator, Cancel));
    }

    [Fact]
    public async Task A_nameless_or_overlong_name_is_refused_before_anything_is_written()
    {
        var owner = await NewStaffAsync(StaffRoles.Editor);

        var nameless = await Assert.ThrowsAsync<NewsCmsException>(() => Passkeys.RegisterAsync(owner, NewPasskey(), "  ", Cancel));
        var overlong = await Assert.ThrowsAsync<NewsCmsException>(() => Passkeys.RegisterAsync(owner, NewPasskey(), new string('k', StaffPasskeys.NameMaxLength + 1), Cancel));

        Assert.Equal(ErrorCode.Validation, nameless.Code);
        Assert.Contains("name", nameless.FieldErrors.Keys);
        Assert.Equal(ErrorCode.Validation, overlong.Code);
        Assert.Empty(await Passkeys.ListAsync(owner, Cancel));
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.AuditLog.AnyAsync(e => e.ActorUserId == owner.UserId, Cancel));
    }

    [Fact]
    public async Task A_verified_passkey_signs_in_its_owner_unless_the_account_is_locked()
    {
        var owner = await NewStaffAsync(StaffRoles.Writer);
        var administrator = await NewStaffAsync(StaffRoles.Administrator);
        var passkey = NewPasskey();
        await Passkeys.RegisterAsync(owner, passkey, "Phone", Cancel);
        passkey.SignCount = 7;

        var signedIn = await Passkeys.CompleteSignInAsync(owner.UserId, passkey, Cancel);
        await services.GetRequiredService<StaffAccounts>().LockAsync(administrator, owner.UserId, Cancel);
        var whileLocked = await Passkeys.CompleteSignInAsync(owner.UserId, passkey, Cancel);

        Assert.Equal((owner.UserId, owner.Email), (signedIn?.UserId, signedIn?.Email));
        Assert.Contains(StaffRoles.Writer, signedIn!.Roles);
        Assert.Null(whileLocked);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = await users.GetPasskeyAsync((await users.FindByIdAsync(owner.UserId.ToString(CultureInfo.InvariantCulture)))!, passkey.CredentialId);
        Assert.Equal(7u, stored!.SignCount);
    }

    private async Task<StaffActor> NewStaffAsync(string role)
    {
        database.RequireAvailable();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.test";
        var user = await services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, Password, role), Cancel);
        return new StaffActor(user.Id, email, new HashSet<string> { role });
    }

    /// <summary>A passkey as the host hands it over after a successful attestation; the key material is opaque here.</summary>
    private static UserPasskeyInfo NewPasskey() => new(
        RandomNumberGenerator.GetBytes(32),
        RandomNumberGenerator.GetBytes(77),
        TestContent.Now,
        0,
        ["internal"],
        isUserVerified: true,
        isBackupEligible: false,
        isBackedUp: false,
        RandomNumberGenerator.GetBytes(64),
        RandomNumberGenerator.GetBytes(64));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteStaffPasskeysTests(SqliteTestDatabase database) : StaffPasskeysTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlStaffPasskeysTests(PostgreSqlTestDatabase database) : StaffPasskeysTests<PostgreSqlTestDatabase>(database);
