using NewsCms.Core.Media;

namespace NewsCms.Server.Health;

/// <summary>The media store takes a write: the folder is there and writable, or the Azure container answers.</summary>
internal sealed class MediaStoreHealthCheck(IServiceProvider services) : ProbeHealthCheck
{
    // Resolved here, not injected: the folder store is made on first use and fails in its constructor when its folder
    // cannot be created, which must read as "media not ready", not as a failed probe endpoint.
    protected override Task ProbeAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<IMediaStore>().ProbeAsync(cancellationToken);
}
