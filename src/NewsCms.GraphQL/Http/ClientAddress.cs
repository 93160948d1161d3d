using GraphQL;
using Microsoft.AspNetCore.Http;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// The caller's network address, for the limits on public forms. It is the connection's peer: behind a proxy or CDN
/// that is the proxy, until the host is told to trust its forwarded headers.
/// </summary>
public static class ClientAddress
{
    private const string Key = "NewsCms.ClientAddress";

    internal static void Remember(IDictionary<string, object?> userContext, HttpContext http) =>
        userContext[Key] = http.Connection.RemoteIpAddress?.ToString();

    /// <summary>The address, or "unknown" when the transport had none (in-process test servers, for one).</summary>
    public static string ClientAddressOf(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserContext.TryGetValue(Key, out var value) && value is string { Length: > 0 } address ? address : "unknown";
    }
}
