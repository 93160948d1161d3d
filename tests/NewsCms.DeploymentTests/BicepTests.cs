using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsCms.DeploymentTests.Infrastructure;

namespace NewsCms.DeploymentTests;

/// <summary>
/// deploy/azure, compiled by the Bicep CLI from NuGet: nothing is deployed from here (there is no Azure subscription on
/// this machine), so the compiler and its linter are the first judge, and the compiled template is then held to what
/// production needs: sticky sessions, probes, private media, TLS-only Redis, secrets only through Key Vault.
/// </summary>
public sealed partial class BicepTests
{
    public static TheoryData<string> BicepFiles => new(BicepBuild.Files());

    [Fact]
    public void The_main_template_and_its_modules_are_all_there()
    {
        var files = BicepBuild.Files();
        Assert.Contains("main.bicep", files);
        Assert.True(files.Count(f => f.StartsWith("modules/", StringComparison.Ordinal)) >= 4, string.Join(", ", files));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_bicep_file_compiles_without_an_error_or_a_warning(string file)
    {
        var result = await BicepBuild.OfAsync(file);

        Assert.True(result.Template is not null, $"bicep build {file} produced nothing:\n{result.Output}");
        Assert.True(result.Diagnostics.Count == 0, $"bicep build {file}:\n{string.Join('\n', result.Diagnostics)}");
        Assert.NotNull(result.Json["$schema"]);
        Assert.NotNull(result.Json["resources"]);
    }

    [Fact]
    public async Task The_parameters_file_compiles_with_its_secrets_from_the_environment()
    {
        var result = await BicepBuild.OfParametersAsync();

        Assert.True(result.Template is not null, $"bicep build-params failed:\n{result.Output}");
        Assert.True(result.Diagnostics.Count == 0, string.Join('\n', result.Diagnostics));
        var parameters = JsonNode.Parse(result.Json["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal("newscms:test", parameters["image"]!["value"]!.GetValue<string>());
        Assert.Equal(BicepBuild.ParameterEnvironment["NEWSCMS_SQL_ADMIN_PASSWORD"], parameters["sqlAdministratorPassword"]!["value"]!.GetValue<string>());
        Assert.Equal(BicepBuild.ParameterEnvironment["NEWSCMS_DB_PASSWORD"], parameters["appDatabasePassword"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_container_app_is_sticky_probed_scaled_and_reads_its_secrets_from_key_vault()
    {
        var app = Assert.Single(await ResourcesAsync("Microsoft.App/containerApps"));
        var configuration = app["properties"]!["configuration"]!;

        Assert.Equal("sticky", configuration["ingress"]!["stickySessions"]!["affinity"]!.GetValue<string>());
        Assert.Equal("Single", configuration["activeRevisionsMode"]!.GetValue<string>());
        Assert.Equal(8080, configuration["ingress"]!["targetPort"]!.GetValue<int>());
        Assert.Equal("UserAssigned", app["identity"]!["type"]!.GetValue<string>());

        var container = app["properties"]!["template"]!["containers"]![0]!;
        var probes = container["probes"]!.AsArray().Select(p => (Type: p!["type"]!.GetValue<string>(), Path: p["httpGet"]!["path"]!.GetValue<string>())).ToList();
        Assert.Contains(("Liveness", "/healthz"), probes);
        Assert.Contains(("Readiness", "/readyz"), probes);

        var scale = app["properties"]!["template"]!["scale"]!;
        Assert.NotNull(scale["rules"]![0]!["http"]);
    }

    [Fact]
    public void Every_setting_of_the_container_app_is_configuration_the_server_reads()
    {
        var source = File.ReadAllText(Path.Combine(DeployFiles.Azure, "modules", "containerapp.bicep"));
        var settings = Setting().Matches(source)
            .Select(m => (Name: Interpolation().Replace(m.Groups["name"].Value, "0"), Kind: m.Groups["kind"].Value))
            .ToList();
        var names = settings.Select(s => s.Name).ToList();
        Assert.Contains("ConnectionStrings__NewsCms", names);
        Assert.Contains("ConnectionStrings__Redis", names);
        Assert.Contains("NewsCms__Media__AzureBlob__AccountUrl", names);
        Assert.Contains("NewsCms__GraphQL__GetCacheMaxAgeSeconds", names);

        var unread = names.Where(name => !AppConfigurationKeys.OfTheServer.IsRead(name)).ToList();
        Assert.True(unread.Count == 0, $"The container app sets variables the app never reads: {string.Join(", ", unread)}");

        // Secrets reach the app only as references to Key Vault secrets, read with its identity; never as values.
        var secretSettings = settings.Where(s => s.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || s.Name.EndsWith("Password", StringComparison.Ordinal) || s.Name.EndsWith("SigningKey", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, secretSettings.Count);
        Assert.All(secretSettings, s => Assert.Equal("secretRef", s.Kind));
        Assert.DoesNotMatch(@"secrets:\s*\[[^\]]*value:", source);

        // Each secretRef names a secret the app declares, and each declared secret is a Key Vault reference.
        var declared = SecretName().Matches(source).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(SecretReference().Matches(source), m => Assert.Contains(m.Groups["name"].Value, declared));
    }

    [Fact]
    public async Task Media_is_private_redis_speaks_tls_only_and_key_vault_uses_rbac()
    {
        var storage = Assert.Single(await ResourcesAsync("Microsoft.Storage/storageAccounts"))["properties"]!;
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        var container = Assert.Single(await ResourcesAsync("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());

        var redis = Assert.Single(await ResourcesAsync("Microsoft.Cache/redis"))["properties"]!;
        Assert.False(redis["enableNonSslPort"]!.GetValue<bool>());
        Assert.Equal("1.2", redis["minimumTlsVersion"]!.GetValue<string>());

        var vault = Assert.Single(await ResourcesAsync("Microsoft.KeyVault/vaults"))["properties"]!;
        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());

        // The identity's three roles: pull the image, read and write media, read secrets.
        var template = await MainTemplateTextAsync();
        Assert.Contains("7f951dda-4ed3-4680-a7ca-43fe172d538d", template, StringComparison.Ordinal);
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", template, StringComparison.Ordinal);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", template, StringComparison.Ordinal);
        Assert.Equal(3, (await ResourcesAsync("Microsoft.Authorization/roleAssignments")).Count);
    }

    [Fact]
    public async Task Front_door_caches_media_and_graphql_gets_and_nothing_else()
    {
        var routes = (await ResourcesAsync("Microsoft.Cdn/profiles/afdEndpoints/routes"))
            .ToDictionary(r => Patterns(r), r => r["properties"]!["cacheConfiguration"], StringComparer.Ordinal);

        Assert.Equal("IgnoreQueryString", routes["/media/*"]!["queryStringCachingBehavior"]!.GetValue<string>());
        Assert.Equal("UseQueryString", routes["/graphql"]!["queryStringCachingBehavior"]!.GetValue<string>());
        // The admin, its WebSocket and sign-in go through the route without caching.
        Assert.Null(routes["/*"]);

        var sku = Assert.Single(await ResourcesAsync("Microsoft.Cdn/profiles"))["sku"]!["name"]!.GetValue<string>();
        Assert.Equal("Standard_AzureFrontDoor", sku);
    }

    [Fact]
    public async Task Logs_go_to_log_analytics_and_application_insights_is_wired_to_the_app()
    {
        Assert.Single(await ResourcesAsync("Microsoft.OperationalInsights/workspaces"));
        Assert.Single(await ResourcesAsync("Microsoft.Insights/components"));
        var environment = Assert.Single(await ResourcesAsync("Microsoft.App/managedEnvironments"));
        Assert.Equal("log-analytics", environment["properties"]!["appLogsConfiguration"]!["destination"]!.GetValue<string>());
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", await MainTemplateTextAsync(), StringComparison.Ordinal);
    }

    private static string Patterns(JsonNode route) =>
        string.Join(',', route["properties"]!["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));

    private static async Task<string> MainTemplateTextAsync()
    {
        var result = await BicepBuild.OfAsync("main.bicep");
        return result.Template ?? throw new InvalidOperationException($"main.bicep did not compile:\n{result.Output}");
    }

    /// <summary>Every resource of <paramref name="type"/> anywhere in the compiled main template, modules included.</summary>
    private static async Task<List<JsonNode>> ResourcesAsync(string type)
    {
        var found = new List<JsonNode>();
        Walk(JsonNode.Parse(await MainTemplateTextAsync())!, type, found);
        return found;
    }

    private static void Walk(JsonNode node, string type, List<JsonNode> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue value && value.TryGetValue<string>(out var t)
                    && string.Equals(t, type, StringComparison.OrdinalIgnoreCase) && obj["existing"] is null)
                {
                    found.Add(obj);
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Walk(child, type, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Walk(child, type, found);
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)'\s*,\s*(?<kind>value|secretRef):")]
    private static partial Regex Setting();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)'\s*,\s*keyVaultUrl:")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"secretRef:\s*'(?<name>[^']+)'")]
    private static partial Regex SecretReference();
}
