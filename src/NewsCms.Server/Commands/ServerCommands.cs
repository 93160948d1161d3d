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
    private const string Usage = """
        Usage: NewsCms.Server [VERB]
          (no verb)                          run the server
          seed --articles N [--seed S]       add N generated published articles (benchmarks, load tests)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "seed":
                return await SeedAsync(app, args[1..]);
            case "help" or "--help":
                await Console.Out.WriteLineAsync(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'.{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    private static async Task<int> SeedAsync(WebApplication app, string[] args)
    {
        var articles = IntOption(args, "--articles");
        if (articles is not > 0)
        {
            await Console.Error.WriteLineAsync($"seed needs --articles N with N > 0.{Environment.NewLine}{Usage}");
            return 2;
        }

        var seed = IntOption(args, "--seed") ?? 1;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        var created = await app.Services.GetRequiredService<GeneratedContentSeeder>().SeedAsync(articles.Value, seed, cancellation.Token);
        await Console.Out.WriteLineAsync($"Seeded {created} articles.");
        return 0;
    }

    private static int? IntOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
