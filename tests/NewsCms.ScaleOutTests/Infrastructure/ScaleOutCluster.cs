using System.Diagnostics;
using System.Text.Json;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Redis;
using NewsCms.Testing.Storage;
using Xunit.Sdk;

namespace NewsCms.ScaleOutTests.Infrastructure;

/// <summary>Every scale-out test runs against the one cluster, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "Scale-out cluster";
}

/// <summary>
/// Production in miniature, on loopback: a fresh PostgreSQL database migrated once by <c>database migrate</c>, Azurite
/// as the media store, redis-server, three replicas (A, B, C) of the built server in the Production environment with
/// one configuration, and nginx in front of them. Everything it starts is stopped by process id when the collection
/// ends, whether the tests passed or not; every wait is bounded.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string AdministratorEmail = "chief@scale-out.test";
    public const string AdministratorPassword = "correct horse battery staple";

    /// <summary>Lowered from the default 10, so that a count shared by the replicas shows in a handful of requests.</summary>
    public const int SubscriptionsPerAddressPerHour = 4;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string folder = Directory.CreateTempSubdirectory("newscms-scale-out-").FullName;
    private readonly List<Replica> replicas = [];
    private LocalRedis? redis;
    private LocalAzurite? azurite;
    private LoadBalancer? nginx;
    private string? adminConnectionString;
    private string? databaseName;
    private string? connectionString;
    private string? unavailableReason;
    private string? startupFailure;

    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public Replica A => replicas[0];

    public Replica B => replicas[1];

    public Replica C => replicas[2];

    public IReadOnlyList<Replica> Replicas => replicas;

    public LoadBalancer LoadBalancer => nginx ?? throw new InvalidOperationException("nginx is not running.");

    /// <summary>The administrator's API token, made by <c>tokens create</c>.</summary>
    public Caller Administrator { get; private set; } = Caller.Anonymous;

    /// <summary>The section and author every publishable story of the tests uses, made through A at start.</summary>
    public string DeskSectionId { get; private set; } = "";

    public string AuthorId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await StartAsync(TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"Scale-out cluster up in {clock.Elapsed.TotalSeconds:F1} s behind {nginx?.SiteSource}.");
        }
        catch (Exception e)
        {
            // Every test then fails with this, and DisposeAsync still stops whatever did start.
            startupFailure = $"The scale-out cluster did not start after {clock.Elapsed.TotalSeconds:F0} s: {e}\n{RecentOutput()}";
        }
    }

    /// <summary>
    /// Runs a test's body: skips it (fails on CI) when a service cannot be had, and adds the replicas' and nginx's
    /// recent output to any failure, which is where the reason for a cross-replica failure shows.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (startupFailure is not null)
        {
            Assert.Fail(startupFailure);
        }

        TestEnvironment.RequireLocalService(unavailableReason is null, unavailableReason ?? "");
        try
        {
            await test(cancellationToken);
        }
        catch (Exception failure)
        {
            throw new XunitException($"{failure.Message}\n\n{RecentOutput()}", failure);
        }
    }

    /// <summary>Sends a GraphQL request as the administrator and returns <c>data</c>; any error fails the test.</summary>
    public Task<JsonElement> StaffDataAsync(Uri endpoint, string query, object? variables = null) =>
        DataAsync(endpoint, query, variables, Administrator);

    public async Task<JsonElement> DataAsync(Uri endpoint, string query, object? variables, Caller caller)
    {
        var answer = await Http.PostAsync(endpoint, query, variables, caller, TestContext.Current.CancellationToken);
        Assert.True(answer.Succeeded, $"{endpoint} answered {(int)answer.Status}: {answer.Body}");
        return answer.Data;
    }

    /// <summary>A draft that could go live as it is (title, summary, section, author, body), created through <paramref name="on"/>.</summary>
    public async Task<(string Id, int Version)> CreateStoryAsync(Replica on, string slug, string title)
    {
        ArgumentNullException.ThrowIfNull(on);
        var created = (await StaffDataAsync(on.GraphQLUrl, """
            mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }
            """, new
        {
            input = new
            {
                title,
                slug,
                summary = $"{title}: the summary readers see on the front page.",
                body = "Three replicas, one newsroom.\n\nEvery reader sees the same story.",
                sectionId = DeskSectionId,
                authorIds = new[] { AuthorId },
            },
        })).GetProperty("createArticle");
        return (created.GetProperty("id").GetString()!, created.GetProperty("version").GetInt32());
    }

    /// <summary>
    /// The replicas that logged a line <paramref name="matches"/> accepts (such as a unique probe in a request's query
    /// string), waiting up to two seconds for the first: the console logger writes from a queue.
    /// </summary>
    public async Task<IReadOnlyList<Replica>> ReplicasThatLoggedAsync(Func<string, bool> matches)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2) && !replicas.Any(r => r.Logged(matches)))
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        return [.. replicas.Where(r => r.Logged(matches))];
    }

    public Task<IReadOnlyList<Replica>> ReplicasThatLoggedAsync(string text) =>
        ReplicasThatLoggedAsync(line => line.Contains(text, StringComparison.Ordinal));

    public string RecentOutput() =>
        string.Join("\n", replicas.Select(r => r.RecentOutput()).Append(nginx?.RecentOutput() ?? "--- nginx: not started"));

    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        if (nginx is not null)
        {
            await QuietlyAsync(nginx.DisposeAsync().AsTask, failures);
        }

        foreach (var replica in replicas)
        {
            await QuietlyAsync(replica.DisposeAsync().AsTask, failures);
        }

        if (redis is not null)
        {
            await QuietlyAsync(redis.DisposeAsync().AsTask, failures);
        }

        if (azurite is not null)
        {
            await QuietlyAsync(azurite.DisposeAsync().AsTask, failures);
        }

        await QuietlyAsync(DropDatabaseAsync, failures);
        await QuietlyAsync(() =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }, failures);
        Http.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException("Stopping the scale-out cluster failed.", failures);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        adminConnectionString = TestEnvironment.PostgresAdminConnectionString;
        var nginxProgram = LoadBalancer.FindProgram();
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            unavailableReason = "No PostgreSQL server: NEWSCMS_TEST_POSTGRES is not set";
            return;
        }

        if (nginxProgram is null)
        {
            unavailableReason = "nginx is not installed (apt-get install nginx, or set NEWSCMS_TEST_NGINX)";
            return;
        }

        // Held in fields before they start, so that DisposeAsync stops them even when a start fails halfway.
        redis = new LocalRedis();
        azurite = new LocalAzurite();
        await Task.WhenAll(CreateDatabaseAsync(cancellationToken), redis.InitializeAsync().AsTask(), azurite.InitializeAsync().AsTask());
        if ((redis.UnavailableReason ?? azurite.UnavailableReason) is { } reason)
        {
            unavailableReason = reason;
            return;
        }

        var settings = Settings();
        var migrated = await RunVerbAsync(settings, "database", "migrate");
        TestContext.Current.SendDiagnosticMessage($"database migrate: {migrated.Trim()}");

        foreach (var name in new[] { "A", "B", "C" })
        {
            replicas.Add(Replica.Start(name, ServerAssembly, Path.Combine(folder, name), settings));
        }

        // The operator's verbs run while the replicas start, as they would against a live database.
        await RunVerbAsync(settings, "users", "create", "--email", AdministratorEmail, "--password", AdministratorPassword, "--role", "Administrator", "--name", "Scale-out Chief");
        Administrator = new Caller(BearerToken: (await RunVerbAsync(settings, "tokens", "create", "--email", AdministratorEmail, "--name", "scale-out tests")).Trim());
        await Task.WhenAll(replicas.Select(r => r.WaitUntilReadyAsync(Http, StartTimeout, cancellationToken)));

        nginx = await LoadBalancer.StartAsync(nginxProgram, folder, [.. replicas.Select(r => r.BaseUrl)], Http, cancellationToken);

        var desk = await StaffDataAsync(A.GraphQLUrl, """
            mutation {
              createSection(input: { name: "Scale-out desk", slug: "scale-out-desk", displayOrder: 1 }) { id }
              createAuthor(input: { name: "Rae Replica", slug: "rae-replica" }) { id }
            }
            """);
        DeskSectionId = desk.GetProperty("createSection").GetProperty("id").GetString()!;
        AuthorId = desk.GetProperty("createAuthor").GetProperty("id").GetString()!;

        // A replica's first queries pay for the JIT and EF's query compilation, seconds on a busy two-core machine:
        // paid here, so that the tests time what replicas share, not a cold start.
        foreach (var replica in replicas)
        {
            await DataAsync(replica.GraphQLUrl, WarmUpQuery, null, Caller.Anonymous);
            await StaffDataAsync(replica.GraphQLUrl, "{ editorialArticles(first: 1) { nodes { id status } } }");
        }
    }

    private const string WarmUpQuery = """
        { articles(first: 10) { nodes { slug } } article(slug: "warm-up") { slug } sections { slug } section(slug: "warm-up") { name } }
        """;

    /// <summary>One configuration for every replica and verb, as one deployment's settings would be.</summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_NOLOGO"] = "1",
        ["NewsCms__Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__NewsCms"] = connectionString!,
        ["NewsCms__Database__SeedDemoContent"] = "false",
        ["NewsCms__Media__Store"] = "AzureBlob",
        ["NewsCms__Media__AzureBlob__ConnectionString"] = azurite!.ConnectionString,
        ["NewsCms__Media__AzureBlob__Container"] = "media",
        ["ConnectionStrings__Redis"] = redis!.ConnectionString,
        ["NewsCms__Publishing__IntervalSeconds"] = "1",
        ["NewsCms__Newsletter__SubscriptionsPerAddressPerHour"] = SubscriptionsPerAddressPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Each request's start is logged with its path and query string: how a test tells which replica answered.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    /// <summary>Runs one of the server's verbs to completion with the cluster's settings; returns its standard output.</summary>
    private async Task<string> RunVerbAsync(Dictionary<string, string> settings, params string[] arguments)
    {
        var home = Directory.CreateDirectory(Path.Combine(folder, "operator")).FullName;
        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            "dotnet", [ServerAssembly, .. arguments], Path.GetDirectoryName(ServerAssembly)!,
            new Dictionary<string, string>(settings) { ["HOME"] = home, ["NewsCms__DataPath"] = home }, TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', arguments.Where(a => a != AdministratorPassword))}` exited with {exitCode}:\n{output}\n{errors}");
        }

        return output;
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        (databaseName, connectionString) = await ThrowawayPostgreSqlDatabase.CreateAsync(adminConnectionString!, "newscms_scaleout", cancellationToken);
    }

    private async Task DropDatabaseAsync()
    {
        if (databaseName is null)
        {
            return;
        }

        await ThrowawayPostgreSqlDatabase.DropAsync(adminConnectionString!, databaseName);
    }

    private static async Task QuietlyAsync(Func<Task> step, List<Exception> failures)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }

    private static string ServerAssembly { get; } = FindServerAssembly();

    private static string FindServerAssembly()
    {
        // bin/<Configuration>/net10.0/: the server was built beside this project, in the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "src", "NewsCms.Server", "bin", configuration, "net10.0", "NewsCms.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first (the test project references it).", path);
    }
}
