using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Mail;
using NewsCms.Mail;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.Hosting;

/// <summary>The transport the server picks from its configuration, its refusal to start on one it cannot use, and the sending job.</summary>
public sealed class MailHostingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Transport", "Pigeon", "NewsCms:Mail:Transport is 'Pigeon'; it must be one of PickupFolder, Smtp.")]
    [InlineData("Smtp:Security", "Tls13", "NewsCms:Mail:Smtp:Security is 'Tls13'; it must be one of None, StartTls, SslOnConnect.")]
    [InlineData("From", "not an address", "NewsCms:Mail:From is 'not an address'; it must be one mail address")]
    public async Task A_misspelt_setting_stops_the_server_before_it_starts_with_the_choices(string key, string value, string message)
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?> { [$"NewsCms:Mail:{key}"] = value });

        var refused = Assert.Throws<InvalidOperationException>(() => api.Services);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "NewsCms:Mail:Transport is Smtp, which needs NewsCms:Mail:Smtp:Host")]
    [InlineData("smtp.example.com", "70000", null, "NewsCms:Mail:Smtp:Port is 70000; it must be between 1 and 65535.")]
    [InlineData("smtp.example.com", null, "newsroom", "NewsCms:Mail:Smtp:UserName and NewsCms:Mail:Smtp:Password go together")]
    public async Task An_smtp_relay_that_cannot_work_stops_the_server_at_start(string? host, string? port, string? userName, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsCms:Mail:Transport"] = "Smtp",
            ["NewsCms:Mail:Smtp:Host"] = host,
            ["NewsCms:Mail:Smtp:Port"] = port,
            ["NewsCms:Mail:Smtp:UserName"] = userName,
        };
        await using var api = new ConfiguredApi(settings.Where(s => s.Value is not null).ToDictionary());

        var refused = Assert.Throws<InvalidOperationException>(() => api.Services);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interval_out_of_range_stops_the_server_at_start()
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?> { ["NewsCms:Mail:IntervalSeconds"] = "-1" });

        var refused = Assert.Throws<OptionsValidationException>(() => api.Services);

        Assert.Contains("IntervalSeconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_for_smtp_the_server_sends_through_the_relay()
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?>
        {
            ["NewsCms:Mail:Transport"] = "smtp",
            ["NewsCms:Mail:Smtp:Host"] = "smtp.example.com",
            ["NewsCms:Mail:Smtp:Security"] = "SslOnConnect",
        });
        await api.InitializeAsync();

        Assert.IsType<SmtpMailTransport>(api.Services.GetRequiredService<IMailTransport>());
    }

    [Fact]
    public async Task With_the_interval_set_the_server_writes_enqueued_messages_into_the_pickup_folder()
    {
        await using var api = new ConfiguredApi(new Dictionary<string, string?>
        {
            ["NewsCms:Mail:Transport"] = "PickupFolder",
            ["NewsCms:Mail:IntervalSeconds"] = "10",
            ["NewsCms:Mail:From"] = "The Newsroom <newsroom@example.com>",
        });
        await api.InitializeAsync();
        var transport = Assert.IsType<PickupFolderMailTransport>(api.Services.GetRequiredService<IMailTransport>());
        Assert.Equal(api.MailFolder, transport.Folder);

        // Enqueued after the job's first run, so it goes out on the next tick of the server's clock.
        var message = new OutboxMessage
        {
            Kind = "test",
            ToAddress = "reader@example.com",
            Subject = "Sent by the server",
            TextBody = "Hello from the outbox.",
            Headers = new() { ["List-Unsubscribe"] = "<https://news.example.com/u/1>" },
        };
        await using (var db = await api.Database.Contexts.CreateDbContextAsync(Cancel))
        {
            db.Enqueue(message, api.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Cancel);
        }

        api.Clock.Advance(TimeSpan.FromSeconds(10));
        var elapsed = Stopwatch.StartNew();
        while (!Directory.Exists(api.MailFolder) || Directory.GetFiles(api.MailFolder, "*.eml").Length == 0)
        {
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), "No .eml file within 10 s.");
            await Task.Delay(50, Cancel);
            api.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var parsed = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(api.MailFolder, "*.eml")), Cancel);
        Assert.Equal("Sent by the server", parsed.Subject);
        Assert.Equal("reader@example.com", Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Address);
        Assert.Equal("newsroom@example.com", Assert.IsType<MailboxAddress>(Assert.Single(parsed.From)).Address);
        Assert.Equal("<https://news.example.com/u/1>", parsed.Headers["List-Unsubscribe"]);
        await using var check = await api.Database.Contexts.CreateDbContextAsync(Cancel);
        Assert.NotNull((await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id, Cancel)).SentAt);
    }

    private sealed class ConfiguredApi(IReadOnlyDictionary<string, string?> settings) : NewsCmsApiFactory(new SqliteTestDatabase())
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Database.ConnectionString.Length > 0
            ? settings
            : new Dictionary<string, string?>(settings) { ["ConnectionStrings:NewsCms"] = "Data Source=:memory:" };

        protected override Task SeedAsync() => Task.CompletedTask;
    }
}

/// <summary><c>mail send</c> as operators run it: the built server as a separate process, on its configured transport.</summary>
public sealed class MailSendCommandTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "NewsCms.Server.dll");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mail_send_writes_the_due_messages_once_and_leaves_a_later_one()
    {
        api.Database.RequireAvailable();
        var folder = Directory.CreateTempSubdirectory("newscms-mail-send-").FullName;
        try
        {
            // The command runs on the real clock, not the factory's.
            var now = DateTime.UtcNow;
            var due = new OutboxMessage { Kind = "test", ToAddress = "due@example.com", Subject = "Due now", TextBody = "Now." };
            var later = new OutboxMessage { Kind = "test", ToAddress = "later@example.com", Subject = "Due tomorrow", TextBody = "Later." };
            await using (var db = await api.Database.Contexts.CreateDbContextAsync(Cancel))
            {
                db.Enqueue(due, now.AddMinutes(-1));
                db.Enqueue(later, now.AddDays(1));
                await db.SaveChangesAsync(Cancel);
            }

            var (exitCode, output, errors) = await ChildProcess.RunAsync("dotnet", [ServerDll, "mail", "send"], AppContext.BaseDirectory, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["NewsCms__Database__SeedDemoContent"] = "false",
                ["ConnectionStrings__NewsCms"] = api.Database.ConnectionString,
                ["NewsCms__Mail__PickupFolder"] = folder,
                // The command alone sends: the interval job must not race it in the same process.
                ["NewsCms__Mail__IntervalSeconds"] = "0",
            }, TimeSpan.FromMinutes(1));

            Assert.True(exitCode == 0, errors);
            Assert.Equal("Sent 1 message(s); 0 failed and wait for a retry.", output.Trim());
            var parsed = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")), Cancel);
            Assert.Equal("Due now", parsed.Subject);
            await using var check = await api.Database.Contexts.CreateDbContextAsync(Cancel);
            Assert.NotNull((await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == due.Id, Cancel)).SentAt);
            Assert.Null((await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == later.Id, Cancel)).SentAt);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
