using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;

namespace NewsCms.Admin;

/// <summary>
/// The first visit to a database with no administrator offers to create one. Only whoever can read the server log
/// may do it: a code printed there at start is asked for, used once, and never written anywhere else.
/// </summary>
public sealed partial class FirstAdministratorSetup(StaffAccounts accounts, ILogger<FirstAdministratorSetup> logger) : IHostedService
{
    // No 0/O or 1/I/L: an operator types it from a log line.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 12;

    private string? code;

    /// <summary>
    /// True while the database has no administrator and this process has a code to offer. Asks the database again,
    /// because an operator may have created one from the command line while the server ran.
    /// </summary>
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref code);
        if (current is null)
        {
            return false;
        }

        if (await accounts.HasAdministratorAsync(cancellationToken))
        {
            Interlocked.CompareExchange(ref code, null, current);
            return false;
        }

        return true;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.HasAdministratorAsync(cancellationToken))
        {
            return;
        }

        var fresh = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        Volatile.Write(ref code, fresh);
        LogSetupCode(logger, AdminPaths.Setup, $"{fresh[..4]}-{fresh[4..8]}-{fresh[8..]}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates the first administrator when <paramref name="offeredCode"/> is the logged code. The code is spent
    /// before the account is written, so two browsers racing with it cannot both succeed; a refused password gives
    /// it back, so the operator can try a better one.
    /// </summary>
    public async Task<StaffActor> CompleteAsync(string offeredCode, string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref code)
            ?? throw new NewsCmsException(ErrorCode.Conflict, "The first administrator has already been set up; sign in instead.");
        if (!Matches(offeredCode, current))
        {
            throw NewsCmsException.Invalid("code", "That is not the set-up code. It is printed in the server log at start.");
        }

        if (Interlocked.CompareExchange(ref code, null, current) != current)
        {
            throw new NewsCmsException(ErrorCode.Conflict, "The first administrator has already been set up; sign in instead.");
        }

        try
        {
            var user = await accounts.CreateFirstAdministratorAsync(email, password, displayName, cancellationToken);
            return await accounts.ActorOfAsync(user.Id, cancellationToken)
                ?? throw new InvalidOperationException("The administrator just created cannot be read back.");
        }
        catch (NewsCmsException refusal) when (refusal.Code == ErrorCode.Validation)
        {
            Volatile.Write(ref code, current);
            throw;
        }
    }

    private static bool Matches(string offered, string expected)
    {
        var typed = new string((offered ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(expected));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator yet: set up the first account at {Path} with the set-up code {Code} (valid until this process stops).")]
    private static partial void LogSetupCode(ILogger logger, string path, string code);
}
