using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>A request as a replica stand-in saw it, with the headers nginx is meant to add.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? ForwardedFor, string? ForwardedProto, string? ForwardedHost);

/// <summary>
/// A stand-in for one NewsCms replica behind nginx: Kestrel on a loopback port the system picks, answering every
/// request with a fixed status and recording what it received.
/// </summary>
public sealed class LoopbackBackend : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();

    private LoopbackBackend(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    public string Address => $"127.0.0.1:{Port}";

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public static async Task<LoopbackBackend> StartAsync(int status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var backend = new LoopbackBackend(app);
        app.Run(async context =>
        {
            var request = context.Request;
            backend.received.Enqueue(new ReceivedRequest(
                request.Method,
                request.Path.Value ?? "",
                request.Headers["X-Forwarded-For"].FirstOrDefault(),
                request.Headers["X-Forwarded-Proto"].FirstOrDefault(),
                request.Headers["X-Forwarded-Host"].FirstOrDefault()));
            context.Response.StatusCode = status;
            await context.Response.WriteAsync($"{backend.Address}\n");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend.Port = new Uri(address).Port;
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
