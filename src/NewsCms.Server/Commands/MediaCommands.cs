using System.Globalization;
using NewsCms.Core.Media;
using NewsCms.Server.Database;
using static NewsCms.Server.Commands.ServerCommands;

namespace NewsCms.Server.Commands;

/// <summary>Media upkeep for operators, on the store and database the server is configured with.</summary>
internal static class MediaCommands
{
    public static async Task<int> MediaAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "sweep")
        {
            return await FailAsync("media knows one action: media sweep.");
        }

        using var cancellation = CancelOnCtrlC();
        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        var removed = await app.Services.GetRequiredService<OrphanMediaSweeper>().SweepAsync(cancellation.Token);
        foreach (var blob in removed)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed {blob.Key} ({blob.Length} bytes, last written {blob.LastModified:u})"));
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Removed {removed.Count} orphan blob(s), {removed.Sum(blob => blob.Length)} bytes."));
        return 0;
    }
}
