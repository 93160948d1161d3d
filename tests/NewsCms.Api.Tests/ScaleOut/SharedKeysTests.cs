using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.ScaleOut;

/// <summary>
/// Data-protection keys live in the database: a staff cookie (or anything else protected) made by one replica is read
/// by another on the same database, and by no server on another database.
/// </summary>
public abstract class SharedKeysTests<TReplicas>(TReplicas replicas) : IClassFixture<TReplicas>
    where TReplicas : Replicas
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_cookie_issued_by_one_replica_signs_in_on_the_other()
    {
        replicas.RequireAvailable();
        var email = $"replica-{Guid.NewGuid():N}@newsroom.test";
        await replicas.A.Services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, NewsCmsApiFactory.TestStaffPassword, StaffRoles.Editor), Cancel);

        var cookie = await ReplicaClients.SignInAsync(replicas.A, email);
        using var browserOnB = ReplicaClients.BrowserWithCookie(replicas.B, cookie);

        var me = (await browserOnB.DataAsync("{ me { email roles } }")).GetProperty("me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([StaffRoles.Editor], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await using var db = await replicas.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.NotEmpty(await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Cancel));
    }

    [Fact]
    public void What_one_replica_protects_the_other_unprotects()
    {
        replicas.RequireAvailable();
        var payload = ReplicaClients.Protector(replicas.A).Protect("made on replica A");

        Assert.Equal("made on replica A", ReplicaClients.Protector(replicas.B).Unprotect(payload));
    }
}

public sealed class SqliteSharedKeysTests(SqliteReplicas replicas) : SharedKeysTests<SqliteReplicas>(replicas);

public sealed class PostgreSqlSharedKeysTests(PostgreSqlReplicas replicas) : SharedKeysTests<PostgreSqlReplicas>(replicas);

/// <summary>
/// The control: two servers alike in everything but the database, each with the same staff account, do not read each
/// other's cookies. So what lets replicas do it is the key ring they share, not a key ring this machine keeps.
/// </summary>
public sealed class SeparateDatabasesTests(SeparateServers servers) : IClassFixture<SeparateServers>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_or_payload_from_a_server_on_another_database_is_not_honoured()
    {
        servers.A.Database.RequireAvailable();
        const string email = "same-account@newsroom.test";
        var onA = await servers.A.Services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, NewsCmsApiFactory.TestStaffPassword, StaffRoles.Editor), Cancel);
        var onB = await servers.B.Services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, NewsCmsApiFactory.TestStaffPassword, StaffRoles.Editor), Cancel);
        Assert.Equal(onA.Id, onB.Id);

        var cookieFromA = await ReplicaClients.SignInAsync(servers.A, email);
        var cookieFromB = await ReplicaClients.SignInAsync(servers.B, email);
        using var browserOnB = ReplicaClients.BrowserWithCookie(servers.B, cookieFromA);
        using var signedInOnB = ReplicaClients.BrowserWithCookie(servers.B, cookieFromB);

        Assert.Equal(JsonValueKind.Null, (await browserOnB.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
        Assert.Equal(email, (await signedInOnB.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString());
        var payload = ReplicaClients.Protector(servers.A).Protect("made on server A");
        Assert.ThrowsAny<CryptographicException>(() => ReplicaClients.Protector(servers.B).Unprotect(payload));
    }
}
