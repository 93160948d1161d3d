using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsCms.Testing.Mail;

/// <summary>
/// A real SMTP server on loopback, speaking just enough of RFC 5321 (greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT; no TLS, no AUTH) for a client to deliver to it. It records what it received, so a
/// test can check the bytes a relay would have been handed.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly Task accepting;

    public LoopbackSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>A port on loopback that nothing listens on (bound, read and released): connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping the listener ends the accept loop one way or another.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client), stopping.Token);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        var token = stopping.Token;
        string? from = null;
        var to = new List<string>();
        await writer.WriteLineAsync("220 loopback ESMTP ready".AsMemory(), token);
        while (await reader.ReadLineAsync(token) is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-loopback greets you".AsMemory(), token);
                    await writer.WriteLineAsync("250-8BITMIME".AsMemory(), token);
                    await writer.WriteLineAsync("250 SIZE 10485760".AsMemory(), token);
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 loopback".AsMemory(), token);
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK".AsMemory(), token);
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK".AsMemory(), token);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>".AsMemory(), token);
                    var data = await ReadDataAsync(reader, token);
                    received.Enqueue(new ReceivedMail(from ?? "", [.. to], data));
                    await writer.WriteLineAsync("250 OK queued".AsMemory(), token);
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 OK".AsMemory(), token);
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 OK".AsMemory(), token);
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye".AsMemory(), token);
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented".AsMemory(), token);
                    break;
            }
        }
    }

    /// <summary>Lines up to the lone dot; a line the client began with a dot had one more added (RFC 5321 4.5.2).</summary>
    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken token)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(token) is { } line && line != ".")
        {
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

/// <summary>One delivered message: the envelope and the raw message as sent after DATA, dots unstuffed.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw);
