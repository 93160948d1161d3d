using NewsCms.Core.Mail;
using NewsCms.Server.Database;
using static NewsCms.Server.Commands.ServerCommands;

namespace NewsCms.Server.Commands;

/// <summary>Mail upkeep for operators, through the transport the server is configured with.</summary>
internal static class MailCommands
{
    public static async Task<int> MailAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "send")
        {
            return await FailAsync("mail knows one action: mail send.");
        }

        using var cancellation = CancelOnCtrlC();
        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        var result = await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(cancellation.Token);
        await Console.Out.WriteLineAsync($"Sent {result.Sent.Count} message(s); {result.Failed.Count} failed and wait for a retry.");
        return result.Failed.Count == 0 ? 0 : 1;
    }
}
