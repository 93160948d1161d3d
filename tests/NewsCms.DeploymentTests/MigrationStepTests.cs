using NewsCms.DeploymentTests.Infrastructure;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests;

/// <summary>
/// deploy/sqlserver/apply-migrations.sh, the compose stack's migration job and the release pipeline's step, run here
/// against a stand-in sqlcmd that records its calls (there is no SQL Server on this machine): the order of the steps,
/// the flags the script needs, quoting of passwords, and stopping at the first failure.
/// </summary>
public sealed class MigrationStepTests
{
    private const string AdminPassword = "Adm1n'pass$(x)";
    private const string AppPassword = "App'pass";

    [Fact]
    public async Task It_creates_the_database_applies_the_script_then_grants_the_app_login_rows_only()
    {
        var (exitCode, calls, output) = await RunAsync("sqlserver");

        Assert.True(exitCode == 0, output);
        Assert.Equal(4, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Contains("-b", call.Arguments);
            Assert.Contains("-I", call.Arguments);
            Assert.Contains("-x", call.Arguments);
            Assert.Contains("-C", call.Arguments);
            Assert.Equal("sqlserver", After(call.Arguments, "-S"));
            Assert.Equal("sa", After(call.Arguments, "-U"));
            // The administrator's password travels in the environment, never on the command line.
            Assert.Equal(AdminPassword, call.Password);
            Assert.DoesNotContain(call.Arguments, a => a.Contains("Adm1n", StringComparison.Ordinal));
        });

        Assert.Equal("master", After(calls[0].Arguments, "-d"));
        Assert.Contains("CREATE DATABASE [NewsCms]", After(calls[0].Arguments, "-Q"), StringComparison.Ordinal);

        Assert.Equal("NewsCms", After(calls[1].Arguments, "-d"));
        Assert.Equal(Path.Combine(DeployFiles.Deploy, "sqlserver", "migrations.sql"), After(calls[1].Arguments, "-i"));

        var login = After(calls[2].Arguments, "-Q");
        Assert.Equal("master", After(calls[2].Arguments, "-d"));
        // Quoted once for the string literal, once more for EXEC: App'pass becomes App''''pass.
        Assert.Contains("CREATE LOGIN [newscms_app] WITH PASSWORD = N''App''''pass''", login, StringComparison.Ordinal);

        var user = After(calls[3].Arguments, "-Q");
        Assert.Equal("NewsCms", After(calls[3].Arguments, "-d"));
        Assert.Contains("ALTER ROLE db_datareader ADD MEMBER [newscms_app]", user, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_datawriter ADD MEMBER [newscms_app]", user, StringComparison.Ordinal);
        Assert.DoesNotContain("db_owner", user, StringComparison.Ordinal);
        Assert.DoesNotContain("db_ddladmin", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_SQL_certificates_are_verified()
    {
        var (exitCode, calls, output) = await RunAsync("newscms-sql-abc.database.windows.net", admin: "newscmsadmin");

        Assert.True(exitCode == 0, output);
        Assert.All(calls, call =>
        {
            Assert.DoesNotContain("-C", call.Arguments);
            Assert.Equal("newscmsadmin", After(call.Arguments, "-U"));
        });
    }

    [Fact]
    public async Task A_failed_migration_stops_the_step_before_any_login_is_touched()
    {
        var (exitCode, calls, _) = await RunAsync("sqlserver", failOnScript: true);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(2, calls.Count);
    }

    private sealed record SqlcmdCall(IReadOnlyList<string> Arguments, string Password);

    private static string After(IReadOnlyList<string> arguments, string flag)
    {
        var index = arguments.ToList().IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < arguments.Count, $"{flag} is missing from: {string.Join(' ', arguments)}");
        return arguments[index + 1];
    }

    private static async Task<(int ExitCode, List<SqlcmdCall> Calls, string Output)> RunAsync(
        string host, string? admin = null, bool failOnScript = false)
    {
        TestEnvironment.RequireLocalService(File.Exists("/bin/bash") || File.Exists("/usr/bin/bash"), "bash is not installed");
        var folder = Directory.CreateTempSubdirectory("newscms-sqlcmd-").FullName;
        try
        {
            var log = Path.Combine(folder, "calls.log");
            var fake = Path.Combine(folder, "sqlcmd");
            // One record per call, ended by an ASCII record separator: the password, then each argument, NUL-terminated
            // (a -Q query spans lines).
            await File.WriteAllTextAsync(fake, $$"""
                #!/usr/bin/env bash
                {
                  printf '%s\0' "$SQLCMDPASSWORD" "$@"
                  printf '\036'
                } >> '{{log}}'
                {{(failOnScript ? """for a in "$@"; do [[ "$a" == -i ]] && exit 1; done""" : "")}}
                exit 0
                """, TestContext.Current.CancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);
            }

            var environment = new Dictionary<string, string>
            {
                ["SQLCMD"] = fake,
                ["SQLSERVER_HOST"] = host,
                ["MSSQL_SA_PASSWORD"] = AdminPassword,
                ["NEWSCMS_DB_PASSWORD"] = AppPassword,
            };
            if (admin is not null)
            {
                environment["SQLSERVER_ADMIN"] = admin;
            }

            var (exitCode, output, errors) = await ChildProcess.RunAsync(
                "bash", [DeployFiles.ApplyMigrationsScript], folder, environment, TimeSpan.FromSeconds(30));

            var calls = !File.Exists(log)
                ? []
                : (await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken))
                    .Split('\u001e', StringSplitOptions.RemoveEmptyEntries)
                    .Select(record => record.Split('\0')[..^1])
                    .Select(fields => new SqlcmdCall(fields[1..], fields[0]))
                    .ToList();
            return (exitCode, calls, output + errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
