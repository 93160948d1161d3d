using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Redis;

namespace NewsCms.Api.Tests.ScaleOut;

/// <summary>
/// Two servers, A and B, on one database, each in its own host with its own clock, as two replicas behind a load
/// balancer are; with Redis, one redis-server between them too.
/// </summary>
public abstract class Replicas(TestDatabase database, bool withRedis) : IAsyncLifetime
{
    public TestDatabase Database { get; } = database;

    public LocalRedis? Redis { get; private set; }

    public ReplicaApi A { get; private set; } = null!;

    public ReplicaApi B { get; private set; } = null!;

    /// <summary>Skips (or fails on CI) when the database or Redis cannot be had here.</summary>
    public void RequireAvailable()
    {
        Database.RequireAvailable();
        Redis?.RequireAvailable();
    }

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        if (withRedis)
        {
            Redis = await LocalRedis.StartAsync(TestContext.Current.CancellationToken);
        }

        A = new ReplicaApi(Database, SettingsOf("replica-a"));
        B = new ReplicaApi(Database, SettingsOf("replica-b"));
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Dictionary<string, string?> SettingsOf(string name)
    {
        var settings = new Dictionary<string, string?> { ["NewsCms:Instance:Name"] = name };
        if (Redis is { UnavailableReason: null })
        {
            settings["ConnectionStrings:Redis"] = Redis.ConnectionString;
        }

        return settings;
    }
}

public sealed class SqliteReplicas() : Replicas(new SqliteTestDatabase(), withRedis: false);

public sealed class PostgreSqlReplicas() : Replicas(new PostgreSqlTestDatabase(), withRedis: false);

public sealed class SqliteRedisReplicas() : Replicas(new SqliteTestDatabase(), withRedis: true);

public sealed class PostgreSqlRedisReplicas() : Replicas(new PostgreSqlTestDatabase(), withRedis: true);

/// <summary>Two servers as two separate installations: a database each.</summary>
public sealed class SeparateServers : IAsyncLifetime
{
    public SqliteApi A { get; } = new();

    public SqliteApi B { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>How the replica tests talk to a server: as a browser that signs in, or carries a cookie another server set.</summary>
internal static class ReplicaClients
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static IDataProtector Protector(NewsCmsApiFactory server) =>
        server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NewsCms.Tests.SharedKeys");

    /// <summary>Signs in on <paramref name="server"/> as a browser does and returns the staff cookie it set.</summary>
    internal static async Task<string> SignInAsync(NewsCmsApiFactory server, string email)
    {
        using var browser = server.CreateBrowserClientOrSkip();
        using var response = await browser.PostAsJsonAsync("/auth/sign-in", new { email, password = NewsCmsApiFactory.TestStaffPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return setCookie.Split(';')[0];
    }

    /// <summary>A browser on <paramref name="server"/> that sends <paramref name="cookie"/>, as a load balancer's next pick would get it.</summary>
    internal static HttpClient BrowserWithCookie(NewsCmsApiFactory server, string cookie)
    {
        server.Database.RequireAvailable();
        var browser = server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        return browser;
    }
}
