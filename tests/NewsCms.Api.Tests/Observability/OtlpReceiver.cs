using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsCms.Api.Tests.Observability;

/// <summary>
/// A collector's OTLP/HTTP port on loopback that keeps what it is sent. The payloads are protobuf, whose strings are
/// plain UTF-8 in the body, so a test can look for attribute names and values without decoding the messages.
/// An HttpListener rather than Kestrel: a second ASP.NET Core host in the process would be traced by the server's
/// own pipeline, and every export would cause another.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly List<(string Path, byte[] Body)> received = [];
    private readonly Lock gate = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        // HttpListener cannot take port 0: ask the system for a free port first.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}");
        listener.Prefixes.Add($"{Endpoint}");
        listener.Start();
        serving = ServeAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Every payload posted to <paramref name="path"/> (such as <c>/v1/traces</c>) so far, read as UTF-8.</summary>
    public string Received(string path)
    {
        lock (gate)
        {
            return string.Join('\n', received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping the listener fails the pending wait for a request: that is how the loop ends.
        }

        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (gate)
            {
                received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            // An empty Export*ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }
}
