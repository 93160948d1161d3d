using System.Globalization;
using NewsCms.Core.Seeding;
using NewsCms.Server.Database;

namespace NewsCms.Server.Commands;

/// <summary>
/// Verbs for operators, run as <c>dotnet run --project src/NewsCms.Server -- VERB ...</c> with the same configuration
/// as the server, so they always act on the database the server would use.
/// </summary>
internal static class ServerCommands
{
    public const string Usage = """
        Usage: NewsCms.Server [VERB]
          (no verb)                          run the server
          database migrate                   apply the pending migrations to the configured database, list what
                                             was applied, and exit (the deployment step before replicas start)
          seed --articles N [--seed S]       add N generated published articles (benchmarks, load tests)
          users create --email E --password P --role R [--name N]
                                             create a staff account; roles: Administrator, Editor, Writer, Partnerships
          tokens create --email E --name N [--expires-days D]
                                             issue an API token to a staff account and print it, alone, on stdout
          media sweep                        remove stored media that no asset owns and that is older than
                                             NewsCms:Media:OrphanGracePeriod, and list what was removed
          mail send                          send the outbox messages that are due, once, through the configured
                                             transport; exit code 1 when some failed
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    /// <summary>
    /// A verb's standard output is its answer (<c>TOKEN=$(... tokens create ...)</c>), so every log line goes to
    /// standard error instead.
    /// </summary>
    public static void ConfigureHost(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "seed":
                return await SeedAsync(app, args[1..]);
            case "database":
                return await DatabaseCommands.DatabaseAsync(app, args[1..]);
            case "users":
                return await StaffCommands.UsersAsync(app, args[1..]);
            case "tokens":
                return await StaffCommands.TokensAsync(app, args[1..]);
            case "media":
                return await MediaCommands.MediaAsync(app, args[1..]);
            case "mail":
                return await MailCommands.MailAsync(app, args[1..]);
            case "help" or "--help":
                await Console.Out.WriteLineAsync(Usage);
                return 0;
            default:
                return await FailAsync($"Unknown verb '{args[0]}'.");
        }
    }

    /// <summary>Explains a misuse on standard error and returns the exit code for bad input.</summary>
    public static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"{message}{Environment.NewLine}{Usage}");
        return 2;
    }

    /// <summary>Cancels on Ctrl+C instead of killing the process halfway through a write.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return cancellation;
    }

    private static async Task<int> SeedAsync(WebApplication app, string[] args)
    {
        var articles = IntOption(args, "--articles");
        if (articles is not > 0)
        {
            return await FailAsync("seed needs --articles N with N > 0.");
        }

        var seed = IntOption(args, "--seed") ?? 1;
        using var cancellation = CancelOnCtrlC();
        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        var created = await app.Services.GetRequiredService<GeneratedContentSeeder>().SeedAsync(articles.Value, seed, cancellation.Token);
        await Console.Out.WriteLineAsync($"Seeded {created} articles.");
        return 0;
    }

    public static int? IntOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
