using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsCms.BrowserTests.Infrastructure;

/// <summary>
/// The real server as its own process, as an operator starts it: its own SQLite file, media and mail folders, a free
/// loopback port, the Development environment of `dotnet run`. Browsers reach it at http://localhost:PORT, the origin
/// WebAuthn accepts. Disposing it kills the process by its id and removes its folder.
/// </summary>
public partial class AdminServer : IAsyncLifetime
{
    public const string AdministratorEmail = "admin@newsroom.test";
    public const string StaffPassword = "correct horse battery staple";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"newscms-browser-{Guid.NewGuid():N}");
    private RunningProcess? server;
    private string? administratorToken;
    private readonly List<IBrowserContext> contexts = [];

    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    /// <summary>The one-time code the server printed at start, or null when it had an administrator already.</summary>
    public string? SetupCode { get; private set; }

    public string MediaRoot => Path.Combine(folder, "media");

    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>False for the tests of the first-run set-up, which need a database with no administrator.</summary>
    protected virtual bool StartWithAdministrator => true;

    /// <summary>Configuration on top of the server's own appsettings, as environment variables (<c>A__B</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        server = RunningProcess.Start("dotnet", [ServerAssembly, "--urls", "http://127.0.0.1:0"], Path.GetDirectoryName(ServerAssembly)!, Environment());
        await server.WaitForLineAsync("Now listening on: http://127.0.0.1:", TimeSpan.FromSeconds(60), CancellationToken.None);
        var port = ListeningPort().Match(server.Output).Groups["port"].Value;
        BaseUrl = new Uri($"http://localhost:{port}/");
        SetupCode = SetupCodeLine().Match(server.Output) is { Success: true } match ? match.Groups["code"].Value : null;
        await WarmUpAsync();
        if (StartWithAdministrator)
        {
            await RunCommandAsync("users", "create", "--email", AdministratorEmail, "--password", StaffPassword, "--role", "Administrator", "--name", "Ada Admin");
            administratorToken = (await RunCommandAsync("tokens", "create", "--email", AdministratorEmail, "--name", "browser tests")).Trim();
        }
    }

    /// <summary>
    /// Asks once for what every test's first steps need (a server-rendered page with its antiforgery token, the Blazor
    /// script), so that the first sign-in of a class does not also pay the server's cold start: on a busy two-core
    /// machine that alone outlasted a browser wait.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in new[] { "admin/account/sign-in", "_framework/blazor.web.js", "_content/NewsCms.Admin/admin.js" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"Warming up, GET /{path} answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>A new staff account with <paramref name="role"/>, made through the public API as an administrator would.</summary>
    public async Task<StaffLogin> CreateStaffAsync(string role, string? displayName = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@newsroom.test";
        await GraphQLAsync(
            "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }",
            new { input = new { email, password = StaffPassword, role, displayName = displayName ?? $"{role} {email[..4]}" } });
        return new StaffLogin(email, StaffPassword, role);
    }

    /// <summary>
    /// Sends a GraphQL request, as the administrator unless <paramref name="anonymous"/>, and returns <c>data</c>;
    /// any error fails the test with the server's answer.
    /// </summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null, bool anonymous = false)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl };
        if (!anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", administratorToken
                ?? throw new InvalidOperationException("This server was started without an administrator."));
        }

        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            Assert.Fail($"GraphQL errors: {errors}");
        }

        return body.GetProperty("data");
    }

    /// <summary>Runs one of the server's command-line verbs against this server's database; returns its standard output.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            "dotnet", [ServerAssembly, .. arguments], Path.GetDirectoryName(ServerAssembly)!, Environment(), TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"`{string.Join(' ', arguments)}` exited with {exitCode}: {errors}");
        return output;
    }

    /// <summary>What the server printed so far, for diagnosing a failure.</summary>
    public string Log => server?.Output ?? "";

    private Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_NOLOGO"] = "1",
            ["NewsCms__Database__Provider"] = "Sqlite",
            ["ConnectionStrings__NewsCms"] = $"Data Source={Path.Combine(folder, "newscms.db")}",
            ["NewsCms__Database__SeedDemoContent"] = "false",
            ["NewsCms__Media__FileSystem__RootPath"] = MediaRoot,
            ["NewsCms__Mail__PickupFolder"] = MailFolder,
            ["NewsCms__Publishing__IntervalSeconds"] = "1",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string ServerAssembly { get; } = FindServerAssembly();

    private static string FindServerAssembly()
    {
        // bin/<Configuration>/net10.0/: the server was built beside this project, in the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "src", "NewsCms.Server", "bin", configuration, "net10.0", "NewsCms.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first (the test project references it).", path);
    }

    /// <summary>
    /// Takes a browser context opened on this server, to close it before the server stops: an open admin page whose
    /// server is gone keeps reconnecting its circuit, and a dozen of those starve the rest of the run.
    /// </summary>
    public void Own(IBrowserContext context)
    {
        lock (contexts)
        {
            contexts.Add(context);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<IBrowserContext> open;
        lock (contexts)
        {
            open = [.. contexts];
            contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningPort();

    [GeneratedRegex(@"set-up code (?<code>[A-Z0-9-]+)")]
    private static partial Regex SetupCodeLine();
}

/// <summary>An account a test signs in with.</summary>
public sealed record StaffLogin(string Email, string Password, string Role);

/// <summary>A server on a database with no administrator: the first-run set-up is offered.</summary>
public sealed class FreshAdminServer : AdminServer
{
    protected override bool StartWithAdministrator => false;
}
