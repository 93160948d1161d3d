using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Staff;

/// <summary>
/// The admin's one-time set-up creates an Administrator only while there is none. One test per class: it depends on
/// the database having no administrator when it starts.
/// </summary>
public abstract class FirstAdministratorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_administrator_is_created_once_and_a_bad_password_leaves_nothing_behind()
    {
        database.RequireAvailable();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestContent.Now))
            .AddSingleton(database.Contexts)
            .AddNewsCmsCore()
            .BuildServiceProvider();
        var accounts = services.GetRequiredService<StaffAccounts>();
        Assert.False(await accounts.HasAdministratorAsync(Cancel));

        var tooShort = await Assert.ThrowsAsync<NewsCmsException>(() => accounts.CreateFirstAdministratorAsync("chief@newsroom.test", "short", null, Cancel));
        Assert.Equal(ErrorCode.Validation, tooShort.Code);
        Assert.Contains("password", tooShort.FieldErrors.Keys);
        Assert.False(await accounts.HasAdministratorAsync(Cancel));
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "chief@newsroom.test", Cancel));
        }

        var chief = await accounts.CreateFirstAdministratorAsync("chief@newsroom.test", Password, "Chief", Cancel);
        Assert.True(await accounts.HasAdministratorAsync(Cancel));
        var actor = await accounts.ActorOfAsync(chief.Id, Cancel);
        Assert.Equal([StaffRoles.Administrator], actor!.Roles);

        var second = await Assert.ThrowsAsync<NewsCmsException>(() => accounts.CreateFirstAdministratorAsync("intruder@example.com", Password, null, Cancel));
        Assert.Equal(ErrorCode.Conflict, second.Code);
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "intruder@example.com", Cancel));
            Assert.Equal("system:setup", (await db.AuditLog.SingleAsync(e => e.Operation == "createStaffUser", Cancel)).Actor);
        }
    }
}

public sealed class SqliteFirstAdministratorTests(SqliteTestDatabase database) : FirstAdministratorTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlFirstAdministratorTests(PostgreSqlTestDatabase database) : FirstAdministratorTests<PostgreSqlTestDatabase>(database);
