using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Testing.Databases;

namespace NewsCms.Api.Tests.ScaleOut;

/// <summary>
/// Behind nginx the peer is the proxy: the public forms' limits count the client named in X-Forwarded-For when, and
/// only when, the peer is a proxy the server trusts (loopback, or one the settings name).
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersApi api) : IClassFixture<ForwardedHeadersApi>
{
    private const string Subscribe = "mutation($email: String!) { subscribeToNewsletter(email: $email) { accepted } }";

    private static int lastClient;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData(ForwardedHeadersApi.KnownProxy)]
    [InlineData("198.18.7.9")] // in the configured network
    public async Task From_a_trusted_proxy_sign_ups_are_counted_under_the_forwarded_client(string proxy)
    {
        var peer = IPAddress.Parse(proxy);
        var client = UniqueClient();
        var neighbour = UniqueClient();

        for (var i = 0; i < ForwardedHeadersApi.PerAddressLimit; i++)
        {
            Assert.True(Accepted(await SubscribeAsync(peer, client)));
        }

        Assert.Equal("RATE_LIMITED", ErrorCode(await SubscribeAsync(peer, client)));
        // Another client behind the same proxy has a count of its own.
        Assert.True(Accepted(await SubscribeAsync(peer, neighbour)));
    }

    [Fact]
    public async Task From_an_untrusted_peer_the_header_is_ignored_and_the_peer_is_counted()
    {
        var stranger = IPAddress.Parse(UniqueClient());

        // A different made-up client each time: were the header believed, no count would ever reach the limit.
        for (var i = 0; i < ForwardedHeadersApi.PerAddressLimit; i++)
        {
            Assert.True(Accepted(await SubscribeAsync(stranger, UniqueClient())));
        }

        Assert.Equal("RATE_LIMITED", ErrorCode(await SubscribeAsync(stranger, UniqueClient())));
    }

    [Fact]
    public async Task An_address_a_client_writes_into_the_header_itself_is_not_believed()
    {
        var client = UniqueClient();

        // nginx appends the address it saw; what the client wrote before it is the client's word only.
        for (var i = 0; i < ForwardedHeadersApi.PerAddressLimit; i++)
        {
            Assert.True(Accepted(await SubscribeAsync(IPAddress.Loopback, $"{UniqueClient()}, {client}")));
        }

        Assert.Equal("RATE_LIMITED", ErrorCode(await SubscribeAsync(IPAddress.Loopback, $"{UniqueClient()}, {client}")));
    }

    /// <summary>A documentation address (RFC 5737), outside the trusted ones, that no other test uses.</summary>
    private static string UniqueClient()
    {
        var n = Interlocked.Increment(ref lastClient);
        return n <= 254 ? $"203.0.113.{n}" : $"198.51.100.{n - 254}";
    }

    /// <summary>One sign-up sent as if from <paramref name="peer"/>: the in-process server lets a test set the connection's address.</summary>
    private async Task<JsonElement> SubscribeAsync(IPAddress peer, string forwardedFor)
    {
        api.Database.RequireAvailable();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = Subscribe, variables = new { email = $"forwarded-{Guid.NewGuid():N}@example.com" } });
        var http = await api.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = peer;
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/graphql";
            context.Request.ContentType = "application/json";
            context.Request.Headers.Accept = "application/json";
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }, Cancel);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        return (await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: Cancel)).RootElement.Clone();
    }

    private static bool Accepted(JsonElement result) =>
        !result.TryGetProperty("errors", out _) && result.GetProperty("data").GetProperty("subscribeToNewsletter").GetProperty("accepted").GetBoolean();

    private static string? ErrorCode(JsonElement result) => Assert.Single(result.ErrorCodes());
}

/// <summary>A deployment behind proxies: one named, one network, and a low limit on sign-ups per address.</summary>
public sealed class ForwardedHeadersApi() : NewsCmsApiFactory(new SqliteTestDatabase())
{
    public const string KnownProxy = "192.0.2.200";
    public const int PerAddressLimit = 2;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["NewsCms:ForwardedHeaders:KnownProxies:0"] = KnownProxy,
        ["NewsCms:ForwardedHeaders:KnownNetworks:0"] = "198.18.0.0/15",
        ["NewsCms:Newsletter:SubscriptionsPerAddressPerHour"] = "2",
    };
}
