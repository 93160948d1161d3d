using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NewsCms.Server.Hosting;

/// <summary>
/// Behind nginx, a load balancer or a CDN the connection's peer is the proxy: the client's address and scheme arrive
/// in X-Forwarded-For and X-Forwarded-Proto. They are believed only from proxies the settings trust
/// (<c>NewsCms:ForwardedHeaders:KnownProxies</c>, addresses, and <c>KnownNetworks</c>, CIDR ranges such as
/// <c>10.0.0.0/8</c>) and from loopback, where a proxy on the same machine connects from; anyone else could write
/// whatever address they liked and dodge the public forms' limits.
/// </summary>
internal static class ForwardedHeadersRegistration
{
    public const string SectionName = "NewsCms:ForwardedHeaders";

    public static WebApplicationBuilder AddNewsCmsForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        // Read at start, so that a mistyped address stops the server with its setting named instead of trusting nobody.
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(ParseProxy).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // No fixed hop count: each hop is undone only while the address it came from is a trusted proxy, so a CDN
            // in front of the load balancer works when both are listed, and an address a client wrote into the
            // header itself is never reached (the first untrusted hop, the client, ends the walk).
            forwarded.ForwardLimit = null;
            // The defaults (127.0.0.0/8 and ::1) stay: loopback is always trusted.
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    private static IPAddress ParseProxy(string value) =>
        IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"{SectionName}:KnownProxies holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"{SectionName}:KnownNetworks holds '{value}', which is not a network in CIDR notation such as 10.0.0.0/8.");
}
