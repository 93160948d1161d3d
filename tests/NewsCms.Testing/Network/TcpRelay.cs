using System.Net;
using System.Net.Sockets;

namespace NewsCms.Testing.Network;

/// <summary>
/// A loopback port that forwards every connection to a server, until <see cref="CutAsync"/> closes the port and every
/// connection through it: to a client, the server has gone away, as when a database host drops off the network.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> connections = [];
    private readonly Lock gate = new();
    private readonly Task accepting;

    public TcpRelay(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Stops listening and drops every open connection; calling it again does nothing.</summary>
    public async Task CutAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        listener.Stop();
        lock (gate)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }

            connections.Clear();
        }

        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was closed under the pending accept: that is how the loop ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (gate)
        {
            if (stopping.IsCancellationRequested)
            {
                client.Dispose();
                server.Dispose();
                return;
            }

            connections.Add(client);
            connections.Add(server);
        }

        try
        {
            await server.ConnectAsync(targetHost, targetPort, stopping.Token);
            var toServer = client.GetStream().CopyToAsync(server.GetStream(), stopping.Token);
            var toClient = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            await Task.WhenAny(toServer, toClient);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side hung up, or the relay was cut: either way this connection is over.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
