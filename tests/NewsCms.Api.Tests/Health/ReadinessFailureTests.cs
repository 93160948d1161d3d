using System.Diagnostics;
using System.Net;
using System.Text.Json;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Testing.Databases;
using NewsCms.Testing.Network;
using NewsCms.Testing.Redis;
using NewsCms.Testing.Storage;
using Npgsql;

namespace NewsCms.Api.Tests.Health;

/// <summary>
/// /readyz turns 503 when a dependency stops answering after the server started, names that dependency, and keeps
/// connection details to the server log.
/// </summary>
public sealed class ReadinessFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_media_folder_that_cannot_be_written_makes_the_server_unready_and_names_media()
    {
        await using var api = new SqliteApi();
        await api.InitializeAsync();
        using var client = api.CreateClientOrSkip();
        Assert.Equal(HttpStatusCode.OK, (await GetReadinessAsync(client)).Status);

        // A file where the folder was: no write can land there, whoever the server runs as (root ignores modes).
        Directory.Delete(api.MediaRoot, recursive: true);
        await File.WriteAllTextAsync(api.MediaRoot, "not a folder", Cancel);
        try
        {
            var (status, body) = await GetReadinessAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            var checks = HealthAnswer.Checks(body);
            Assert.Equal("Unhealthy", checks["media"].GetProperty("status").GetString());
            Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
            Assert.False(string.IsNullOrWhiteSpace(checks["media"].GetProperty("error").GetString()));
            Assert.DoesNotContain(api.MediaRoot, body.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(api.MediaRoot);
        }
    }

    [Fact]
    public async Task An_azure_media_store_that_stops_answering_makes_the_server_unready_and_names_media()
    {
        await using var azurite = new LocalAzurite();
        await azurite.InitializeAsync();
        azurite.RequireAvailable();
        await using var api = new AzureMediaApi(azurite.ConnectionString);
        await api.InitializeAsync();
        using var client = api.CreateClientOrSkip();
        var (status, body) = await GetReadinessAsync(client);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());

        await azurite.DisposeAsync();
        (status, body) = await GetReadinessAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var checks = HealthAnswer.Checks(body);
        Assert.Equal("Unhealthy", checks["media"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.DoesNotContain(Azurite.AccountName, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_goes_away_makes_the_server_unready_and_names_the_database()
    {
        // The server reaches PostgreSQL through a relay that the test cuts once the server is up: it would refuse to
        // start without its database, and a database lost later is what readiness is for.
        await using var api = new RelayedPostgreSqlApi();
        await api.InitializeAsync();
        using var client = api.CreateClientOrSkip();
        Assert.Equal(HttpStatusCode.OK, (await GetReadinessAsync(client)).Status);

        await api.Relay!.CutAsync();
        var (status, body) = await GetReadinessAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var checks = HealthAnswer.Checks(body);
        Assert.Equal("Unhealthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["media"].GetProperty("status").GetString());
        var text = body.GetRawText();
        Assert.DoesNotContain(api.Relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_when_configured_is_checked_and_a_stopped_redis_makes_the_server_unready()
    {
        await using var redis = await LocalRedis.StartAsync(Cancel);
        redis.RequireAvailable();
        await using var api = new RedisApi(redis.ConnectionString);
        await api.InitializeAsync();
        using var client = api.CreateClientOrSkip();

        var (status, body) = await GetReadinessAsync(client);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        Assert.Equal(["database", "media", "redis"], HealthAnswer.Checks(body).Keys);

        await redis.DisposeAsync();
        // The client notices a dead connection on its next command or heartbeat: allow it a few probes.
        var clock = Stopwatch.StartNew();
        do
        {
            (status, body) = await GetReadinessAsync(client);
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var checks = HealthAnswer.Checks(body);
        Assert.Equal("Unhealthy", checks["redis"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.DoesNotContain(redis.ConnectionString, body.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Cancel);
        return (response.StatusCode, await HealthAnswer.ReadAsync(response));
    }

    /// <summary>A server whose PostgreSQL connection string points at a relay the test can cut.</summary>
    private sealed class RelayedPostgreSqlApi() : NewsCmsApiFactory(new PostgreSqlTestDatabase())
    {
        public TcpRelay? Relay { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            if (Database.UnavailableReason is null)
            {
                var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
                Relay = new TcpRelay(target.Host!, target.Port);
            }
        }

        protected override IReadOnlyDictionary<string, string?> Settings => Relay is null
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?>
            {
                ["ConnectionStrings:NewsCms"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
                {
                    Host = "127.0.0.1",
                    Port = Relay.Port,
                    // Pooled connections would only fail on their next use: a fresh one each time is the clearer test.
                    Pooling = false,
                }.ConnectionString,
            };

        protected override Task SeedAsync() => Task.CompletedTask;

        public override async ValueTask DisposeAsync()
        {
            if (Relay is not null)
            {
                await Relay.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }

    /// <summary>A server whose media live in a container on Azurite.</summary>
    private sealed class AzureMediaApi(string connectionString) : NewsCmsApiFactory(new SqliteTestDatabase())
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["NewsCms:Media:Store"] = "AzureBlob",
            ["NewsCms:Media:AzureBlob:ConnectionString"] = connectionString,
            ["NewsCms:Media:AzureBlob:Container"] = $"readiness-{Guid.NewGuid():N}",
        };

        protected override Task SeedAsync() => Task.CompletedTask;
    }

    /// <summary>A server with <c>ConnectionStrings:Redis</c> set: the Redis adapter registers the connection the check pings.</summary>
    private sealed class RedisApi(string redisConfiguration) : NewsCmsApiFactory(new SqliteTestDatabase())
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redisConfiguration,
        };

        protected override Task SeedAsync() => Task.CompletedTask;
    }
}
