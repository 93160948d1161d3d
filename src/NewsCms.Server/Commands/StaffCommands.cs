using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.Server.Database;
using static NewsCms.Server.Commands.ServerCommands;

namespace NewsCms.Server.Commands;

/// <summary>
/// The operator's way to the first administrator and to tokens for scripts: nobody can sign in before an account
/// exists, so these verbs act without an actor and the audit log names the command line instead.
/// </summary>
internal static class StaffCommands
{
    public static async Task<int> UsersAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            return await FailAsync("users knows one action: users create --email E --password P --role R [--name N].");
        }

        var email = StringOption(args, "--email");
        var password = StringOption(args, "--password");
        var role = StringOption(args, "--role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(role))
        {
            return await FailAsync("users create needs --email, --password and --role.");
        }

        // Operators type "editor"; the roles are spelled once, in StaffRoles.
        role = StaffRoles.All.FirstOrDefault(known => known.Equals(role, StringComparison.OrdinalIgnoreCase)) ?? role;
        using var cancellation = CancelOnCtrlC();
        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        try
        {
            var user = await app.Services.GetRequiredService<StaffAccounts>()
                .CreateAsync(null, new NewStaffUser(email, password, role, StringOption(args, "--name")), cancellation.Token);
            await Console.Out.WriteLineAsync($"Created staff account {user.Email} ({role}).");
            return 0;
        }
        catch (NewsCmsException refused)
        {
            return await RefusedAsync("users create", refused);
        }
    }

    public static async Task<int> TokensAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            return await FailAsync("tokens knows one action: tokens create --email E --name N [--expires-days D].");
        }

        var email = StringOption(args, "--email");
        var name = StringOption(args, "--name");
        var expiresDays = IntOption(args, "--expires-days");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            return await FailAsync("tokens create needs --email and --name.");
        }

        if (StringOption(args, "--expires-days") is not null && expiresDays is null)
        {
            return await FailAsync("--expires-days takes a whole number of days.");
        }

        using var cancellation = CancelOnCtrlC();
        await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync(seedDemoContent: false, cancellation.Token);
        try
        {
            var issued = await app.Services.GetRequiredService<ApiTokens>().IssueForOperatorAsync(email, name, expiresDays, cancellation.Token);
            // The secret alone, so that TOKEN=$(...) captures exactly the token; the rest goes to standard error.
            await Console.Out.WriteLineAsync(issued.Secret);
            await Console.Error.WriteLineAsync(
                $"Issued token '{issued.Token.Name}' to {email}" + (issued.Token.ExpiresAt is { } at ? $", expiring {at:u}." : ", not expiring.")
                + " It is shown only this once.");
            return 0;
        }
        catch (NewsCmsException refused)
        {
            return await RefusedAsync("tokens create", refused);
        }
    }

    private static async Task<int> RefusedAsync(string verb, NewsCmsException refused)
    {
        var details = refused.FieldErrors.Count > 0
            ? string.Join(Environment.NewLine, refused.FieldErrors.Select(error => $"  {error.Key}: {error.Value}"))
            : $"  {refused.Message}";
        await Console.Error.WriteLineAsync($"{verb} refused:{Environment.NewLine}{details}");
        return 2;
    }
}
