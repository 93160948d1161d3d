using System.Net;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Staff;
using NewsCms.GraphQL;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Infrastructure;

/// <summary>
/// The real server, in process, on a real database of its own with a fixed clock, in the Production environment so
/// that what the tests see (masked errors, limits) is what the internet sees.
/// </summary>
public abstract class NewsCmsApiFactory(TestDatabase database) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = database;

    /// <summary>A client for the in-process server; skips (or fails on CI) when the database cannot be had here.</summary>
    public HttpClient CreateClientOrSkip()
    {
        Database.RequireAvailable();
        return CreateClient();
    }

    /// <summary>
    /// A client that keeps cookies the way a browser does, over https: outside Development the staff cookie is
    /// Secure, so a browser would never send it back over plain http.
    /// </summary>
    public HttpClient CreateBrowserClientOrSkip()
    {
        Database.RequireAvailable();
        return CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
    }

    public FakeTimeProvider Clock { get; } = new(TestContent.Now);

    /// <summary>
    /// A client signed in as a new staff member with <paramref name="role"/>, through a real API token issued the way
    /// the command line issues one.
    /// </summary>
    public async Task<HttpClient> StaffClientAsync(string role, CancellationToken cancellationToken = default)
    {
        var client = CreateClientOrSkip();
        var secret = await IssueTokenAsync(role, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Creates a staff member with <paramref name="role"/> and returns a fresh API token secret of theirs.</summary>
    public async Task<string> IssueTokenAsync(string role, CancellationToken cancellationToken = default)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.test";
        await Services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, TestStaffPassword, role), cancellationToken);
        var issued = await Services.GetRequiredService<ApiTokens>().IssueForOperatorAsync(email, "tests", null, cancellationToken);
        return issued.Secret;
    }

    /// <summary>The server's GraphQL schema, initialized the way the first request initializes it.</summary>
    public ISchema Schema()
    {
        var schema = Services.GetRequiredService<NewsCmsSchema>();
        schema.Initialize();
        return schema;
    }

    public const string TestStaffPassword = "correct horse battery staple";

    public SqlCommandCounter Sql { get; } = new();

    /// <summary>
    /// The folder the server's media store writes to: a temporary one per factory, so tests never write into the
    /// source tree and never see each other's files.
    /// </summary>
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), $"newscms-api-media-{Guid.NewGuid():N}");

    /// <summary>Where the pickup-folder mail transport writes <c>.eml</c> files: temporary and per factory, like the media.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"newscms-api-mail-{Guid.NewGuid():N}");

    /// <summary>Extra configuration, applied over the defaults below.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual bool SeedDemoContent => false;

    /// <summary>False for a replica of several: the database (made, seeded and dropped) is then its fixture's.</summary>
    protected virtual bool OwnsDatabase => true;

    public virtual async ValueTask InitializeAsync()
    {
        if (!OwnsDatabase)
        {
            return;
        }

        await Database.InitializeAsync();
        if (Database.UnavailableReason is null)
        {
            await SeedAsync();
        }
    }

    /// <summary>Data the tests of this factory read; the database is empty and migrated when it runs.</summary>
    protected virtual Task SeedAsync() => ApiNewsroom.SeedAsync(Database.Contexts);

    /// <summary>Serves over a loopback socket too, for clients outside the process (Node, load tools).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("NewsCms:Database:Provider", Database is PostgreSqlTestDatabase ? "PostgreSql" : "Sqlite");
        builder.UseSetting("ConnectionStrings:NewsCms", Database.ConnectionString);
        builder.UseSetting("NewsCms:Database:SeedDemoContent", SeedDemoContent ? "true" : "false");
        builder.UseSetting("NewsCms:Database:MigrateOnStartup", "false");
        // The publishing job would query beside the requests a test measures; its own tests start it on purpose.
        builder.UseSetting("NewsCms:Publishing:Enabled", "false");
        // So would the orphan sweep, listing the store; its own tests run it on purpose.
        builder.UseSetting("NewsCms:Media:SweepIntervalMinutes", "0");
        // And the mail sender, working through the outbox; its own tests start it on purpose.
        builder.UseSetting("NewsCms:Mail:IntervalSeconds", "0");
        builder.UseSetting("NewsCms:Mail:PickupFolder", MailFolder);
        // And the application retention; its tests call it with a fake clock.
        builder.UseSetting("NewsCms:Applications:RetentionIntervalHours", "0");
        builder.UseSetting("NewsCms:GraphQL:PersistedDocumentsPath", Path.Combine(AppContext.BaseDirectory, "PersistedDocuments"));
        builder.UseSetting("NewsCms:Media:FileSystem:RootPath", MediaRoot);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Sql);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }

        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApi() : NewsCmsApiFactory(new SqliteTestDatabase());

public sealed class PostgreSqlApi() : NewsCmsApiFactory(new PostgreSqlTestDatabase());

/// <summary>A deployment that closes the API down to its registered operations.</summary>
public sealed class LockedDownApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:GraphQL:AllowOnlyPersistedDocuments"] = "true",
        ["NewsCms:GraphQL:GetCacheMaxAgeSeconds"] = "60",
    };
}

/// <summary>A deployment behind a CDN: successful anonymous GETs may be cached for a minute.</summary>
public sealed class CdnCachedApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:GraphQL:GetCacheMaxAgeSeconds"] = "60",
    };
}

/// <summary>A deployment whose media are served through a CDN host.</summary>
public sealed class CdnMediaApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    public const string CdnBaseUrl = "https://cdn.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:Media:PublicBaseUrl"] = $"{CdnBaseUrl}/",
    };
}

/// <summary>A deployment that keeps its schema to itself.</summary>
public sealed class NoIntrospectionApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:GraphQL:EnableIntrospection"] = "false",
    };
}

/// <summary>
/// One server of several on a database they share, as replicas behind a load balancer are: its own host, clock and
/// settings (a replica name, and whatever else the fixture gives), the fixture's database.
/// </summary>
public sealed class ReplicaApi(TestDatabase database, IReadOnlyDictionary<string, string?> settings) : NewsCmsApiFactory(database)
{
    protected override bool OwnsDatabase => false;

    protected override IReadOnlyDictionary<string, string?> Settings => settings;
}

/// <summary>A first start on an empty database, as `dotnet run` on a fresh clone does it.</summary>
public sealed class FirstRunApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    protected override bool SeedDemoContent => true;

    protected override Task SeedAsync() => Task.CompletedTask;
}
