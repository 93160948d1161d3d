using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsCms.Core.Data;
using NewsCms.Core.Mail;
using NewsCms.Mail;
using NewsCms.Testing;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Mail;

namespace NewsCms.IntegrationTests.Mail;

/// <summary>
/// The outbox sender with real transports: <c>.eml</c> files in a folder, SMTP to a loopback server, and SMTP to a port
/// nothing listens on for the failures. Messages go out once, oldest first; failures wait longer each time, then stop.
/// </summary>
public abstract class OutboxSenderTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private static readonly MailSender From = new("newsroom@example.com", "The Newsroom");

    private readonly FakeTimeProvider clock = new(TestContent.Now);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"newscms-outbox-{Guid.NewGuid():N}");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private OutboxSender Sender(IMailTransport transport, int maxAttempts = 10, IDbContextFactory<NewsCmsDbContext>? contexts = null) =>
        new(contexts ?? database.Contexts, transport, Options.Create(new OutboxSendingOptions { MaxAttempts = maxAttempts, BatchSize = 1000 }), clock);

    private PickupFolderMailTransport Pickup() => new(folder, From);

    private static SmtpMailTransport Smtp(int port) =>
        new(new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 10 }, From);

    [Fact]
    public async Task Due_messages_become_eml_files_that_parse_back_with_their_headers_while_a_later_one_waits()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var newsletter = Message("reader@example.com", "Your morning briefing", headers: new()
        {
            ["List-Unsubscribe"] = "<https://news.example.com/unsubscribe?token=abc>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
        newsletter.ToName = "Ada Reader";
        newsletter.HtmlBody = "<p>Markets rallied.</p>";
        var later = Message("later@example.com", "Not yet");
        await EnqueueAsync(now, newsletter);
        await EnqueueAsync(now.AddMinutes(5), later);

        var result = await Sender(Pickup()).SendDueAsync(Cancel);

        Assert.Contains(newsletter.Id, result.Sent);
        Assert.DoesNotContain(later.Id, result.Sent);
        var file = Assert.Single(FilesOf(newsletter.Id));
        Assert.Empty(FilesOf(later.Id));
        Assert.Empty(Directory.GetFiles(folder, "*" + PickupFolderMailTransport.TemporaryExtension));

        var parsed = await MimeMessage.LoadAsync(file, Cancel);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(parsed.To));
        Assert.Equal(("reader@example.com", "Ada Reader"), (to.Address, to.Name));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(parsed.From));
        Assert.Equal(("newsroom@example.com", "The Newsroom"), (from.Address, from.Name));
        Assert.Equal("Your morning briefing", parsed.Subject);
        Assert.Equal("<https://news.example.com/unsubscribe?token=abc>", parsed.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", parsed.Headers["List-Unsubscribe-Post"]);
        Assert.EndsWith("@example.com", parsed.MessageId, StringComparison.Ordinal);
        Assert.Contains("Body of Your morning briefing", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Markets rallied.</p>", parsed.HtmlBody, StringComparison.Ordinal);

        var sent = await ReloadAsync(newsletter.Id);
        Assert.Equal(now, sent.SentAt);
        Assert.Equal(0, sent.Attempts);
        Assert.Null((await ReloadAsync(later.Id)).SentAt);

        // Sent is sent: the next run writes no second file.
        clock.Advance(TimeSpan.FromMinutes(5));
        var next = await Sender(Pickup()).SendDueAsync(Cancel);
        Assert.DoesNotContain(newsletter.Id, next.Sent);
        Assert.Contains(later.Id, next.Sent);
        Assert.Single(FilesOf(newsletter.Id));
        Assert.Single(FilesOf(later.Id));
    }

    [Fact]
    public async Task Smtp_delivers_to_a_real_server_with_the_recipient_subject_body_and_unsubscribe_headers()
    {
        database.RequireAvailable();
        await using var server = new LoopbackSmtpServer();
        var message = Message("subscriber@example.com", "Confirm your subscription", headers: new()
        {
            ["List-Unsubscribe"] = "<https://news.example.com/u/xyz>, <mailto:unsubscribe@example.com>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
        // A line that starts with a dot is stuffed by the client and unstuffed by the server: it must arrive intact.
        message.TextBody = "Please confirm.\r\n.a line that starts with a dot\r\nThanks.";
        await EnqueueAsync(TestContent.Now, message);

        var result = await Sender(Smtp(server.Port)).SendDueAsync(Cancel);

        Assert.Contains(message.Id, result.Sent);
        var mail = Assert.Single(server.Received, m => m.To.Contains("subscriber@example.com"));
        Assert.Equal("newsroom@example.com", mail.From);
        Assert.Contains("To: subscriber@example.com", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("Subject: Confirm your subscription", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("List-Unsubscribe: <https://news.example.com/u/xyz>,", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("Please confirm.\r\n.a line that starts with a dot\r\nThanks.", mail.Raw, StringComparison.Ordinal);
        // A header longer than a line is folded on the wire; unfolded it is the value that was enqueued.
        using var raw = new MemoryStream(System.Text.Encoding.Latin1.GetBytes(mail.Raw));
        var parsed = await MimeMessage.LoadAsync(raw, Cancel);
        Assert.Equal("<https://news.example.com/u/xyz>, <mailto:unsubscribe@example.com>", parsed.Headers["List-Unsubscribe"]?.Trim());
        Assert.Equal(TestContent.Now, (await ReloadAsync(message.Id)).SentAt);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_later_each_time_and_the_message_goes_once_the_relay_answers()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var message = Message("retry@example.com", "Application received");
        await EnqueueAsync(now, message);
        var closed = Smtp(LoopbackSmtpServer.ClosedPort());

        var first = await Sender(closed).SendDueAsync(Cancel);

        Assert.Contains(message.Id, first.Failed);
        var failed = await ReloadAsync(message.Id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(now.AddMinutes(1), failed.NextAttemptAt);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.DoesNotContain("Gave up", failed.LastError, StringComparison.Ordinal);

        // Not due again before its time.
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.DoesNotContain(message.Id, (await Sender(closed).SendDueAsync(Cancel)).Failed);
        Assert.Equal(1, (await ReloadAsync(message.Id)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(message.Id, (await Sender(closed).SendDueAsync(Cancel)).Failed);
        var second = await ReloadAsync(message.Id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(now.AddMinutes(1 + 2), second.NextAttemptAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        await using var server = new LoopbackSmtpServer();
        var delivered = await Sender(Smtp(server.Port)).SendDueAsync(Cancel);

        Assert.Contains(message.Id, delivered.Sent);
        Assert.Single(server.Received, m => m.To.Contains("retry@example.com"));
        var sent = await ReloadAsync(message.Id);
        Assert.Equal(now.AddMinutes(3), sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_the_message_is_left_unsent_with_a_final_error()
    {
        database.RequireAvailable();
        var message = Message("gone@example.com", "Never delivered");
        await EnqueueAsync(TestContent.Now, message);
        var closed = Smtp(LoopbackSmtpServer.ClosedPort());

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Contains(message.Id, (await Sender(closed, maxAttempts: 3).SendDueAsync(Cancel)).Failed);
            clock.Advance(OutboxSender.RetryDelay(attempt));
        }

        var givenUp = await ReloadAsync(message.Id);
        Assert.Equal(3, givenUp.Attempts);
        Assert.Null(givenUp.SentAt);
        Assert.StartsWith("Gave up after 3 attempts.", givenUp.LastError, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(2));
        var later = await Sender(Pickup(), maxAttempts: 3).SendDueAsync(Cancel);
        Assert.DoesNotContain(message.Id, later.Sent);
        Assert.DoesNotContain(message.Id, later.Failed);
        Assert.Empty(FilesOf(message.Id));
        Assert.Equal(3, (await ReloadAsync(message.Id)).Attempts);
    }

    [Fact]
    public async Task Senders_racing_on_separate_connection_pools_send_each_message_exactly_once()
    {
        database.RequireAvailable();
        var now = TestContent.Now;
        var messages = Enumerable.Range(0, 30).Select(i => Message($"race-{i:D2}@example.com", $"Race {i}")).ToList();
        await using (var db = await database.Contexts.CreateDbContextAsync(Cancel))
        {
            for (var i = 0; i < messages.Count; i++)
            {
                db.Enqueue(messages[i], now.AddSeconds(-i));
            }

            await db.SaveChangesAsync(Cancel);
        }

        var ids = messages.Select(m => m.Id).ToHashSet();

        // Four pools stand for four server processes; two senders on each stand for overlapping ticks.
        var pools = Enumerable.Range(0, 4).Select(_ => new PooledDbContextFactory<NewsCmsDbContext>(database.Options())).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = pools.SelectMany(pool => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Sender(Pickup(), contexts: pool).SendDueAsync(Cancel);
        }, Cancel))).ToList();
        start.SetResult();
        var results = await Task.WhenAll(runs);

        var sent = results.SelectMany(r => r.Sent).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), sent.Order());
        Assert.DoesNotContain(results, r => r.Failed.Any(ids.Contains));
        foreach (var message in messages)
        {
            Assert.Single(FilesOf(message.Id));
            Assert.Equal(now, (await ReloadAsync(message.Id)).SentAt);
        }
    }

    [Fact]
    public async Task A_long_error_is_cut_to_what_the_column_keeps_for_staff()
    {
        database.RequireAvailable();
        var message = Message("long-error@example.com", "Refused at length");
        await EnqueueAsync(TestContent.Now, message);

        Assert.Contains(message.Id, (await Sender(new RefusingTransport(new string('x', 10_000))).SendDueAsync(Cancel)).Failed);

        var failed = await ReloadAsync(message.Id);
        Assert.Equal(OutboxSender.LastErrorMaxLength, failed.LastError!.Length);
        Assert.StartsWith("IOException: xxx", failed.LastError, StringComparison.Ordinal);
    }

    /// <summary>Only for an error no real relay gives on demand: a reply thousands of characters long.</summary>
    private sealed class RefusingTransport(string reason) : IMailTransport
    {
        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => throw new IOException(reason);
    }

    private static OutboxMessage Message(string to, string subject, Dictionary<string, string>? headers = null) => new()
    {
        Kind = "test",
        ToAddress = to,
        Subject = subject,
        TextBody = $"Body of {subject}",
        Headers = headers ?? [],
    };

    private async Task EnqueueAsync(DateTime at, OutboxMessage message)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        db.Enqueue(message, at);
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>The pickup transport names each file after the message id, between dashes.</summary>
    private string[] FilesOf(long id) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, $"*-{id}-*.eml") : [];

    private async Task<OutboxMessage> ReloadAsync(long id)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Cancel);
    }
}

public sealed class SqliteOutboxSenderTests(SqliteTestDatabase database) : OutboxSenderTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlOutboxSenderTests(PostgreSqlTestDatabase database) : OutboxSenderTests<PostgreSqlTestDatabase>(database);
