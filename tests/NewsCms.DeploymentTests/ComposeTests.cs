using System.Text.RegularExpressions;
using NewsCms.DeploymentTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace NewsCms.DeploymentTests;

/// <summary>
/// deploy/compose.yaml, parsed as YAML: `docker compose` cannot run on this machine, so the stack is checked for what
/// it promises (its services, the replicas, the migration order) and, above all, for configuration the app would
/// silently ignore.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly YamlMappingNode Compose = Load(DeployFiles.Compose);

    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    [Fact]
    public void The_stack_has_the_app_its_proxy_its_services_and_the_migration_job()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.Equal(["azurite", "migrate", "newscms", "proxy", "redis", "sqlserver"], names.Order(StringComparer.Ordinal));

        Assert.Equal("mcr.microsoft.com/mssql/server:2022-latest", Scalar(Service("sqlserver"), "image"));
        Assert.True(Service("sqlserver").Children.ContainsKey("healthcheck"), "sqlserver needs a health check for migrate to wait on");
        Assert.Equal("mcr.microsoft.com/azure-storage/azurite:3.37.0", Scalar(Service("azurite"), "image"));
        Assert.StartsWith("redis:7", Scalar(Service("redis"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("nginx:", Scalar(Service("proxy"), "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_runs_two_replicas_of_the_image_built_from_the_dockerfile_once_migrations_completed()
    {
        var app = Service("newscms");
        Assert.Equal("2", Scalar((YamlMappingNode)app["deploy"], "replicas"));

        var build = (YamlMappingNode)app["build"];
        var context = Path.GetFullPath(Path.Combine(DeployFiles.Deploy, Scalar(build, "context")));
        Assert.Equal(DeployFiles.Root.TrimEnd('/'), context.TrimEnd('/'));
        Assert.Equal(DeployFiles.Dockerfile, Path.Combine(context, Scalar(build, "dockerfile")));

        var dependsOn = (YamlMappingNode)app["depends_on"];
        Assert.Equal("service_completed_successfully", Scalar((YamlMappingNode)dependsOn["migrate"], "condition"));

        // A read-only root file system, with the two folders the image writes to.
        Assert.Equal("true", Scalar(app, "read_only"));
        Assert.Contains(Sequence(app, "tmpfs"), entry => entry.StartsWith("/tmp", StringComparison.Ordinal));
        Assert.Contains(Sequence(app, "volumes"), entry => entry.EndsWith(":/data", StringComparison.Ordinal));
    }

    [Fact]
    public void The_migration_job_applies_the_committed_script_after_sql_server_is_healthy()
    {
        var migrate = Service("migrate");
        var dependsOn = (YamlMappingNode)migrate["depends_on"];
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)dependsOn["sqlserver"], "condition"));

        var mount = Assert.Single(Sequence(migrate, "volumes"));
        var hostFolder = Path.GetFullPath(Path.Combine(DeployFiles.Deploy, mount.Split(':')[0]));
        var containerFolder = mount.Split(':')[1];

        var entrypoint = Sequence(migrate, "entrypoint");
        var script = entrypoint[^1];
        Assert.StartsWith(containerFolder + "/", script, StringComparison.Ordinal);
        var scriptOnHost = Path.Combine(hostFolder, script[(containerFolder.Length + 1)..]);
        Assert.Equal(DeployFiles.ApplyMigrationsScript, scriptOnHost);
        Assert.True(File.Exists(Path.Combine(hostFolder, "migrations.sql")), "the script applies migrations.sql from the same folder");

        var text = File.ReadAllText(scriptOnHost);
        Assert.Contains("migrations.sql", text, StringComparison.Ordinal);
        // Without QUOTED_IDENTIFIER ON, SQL Server refuses the script's filtered unique indexes.
        Assert.Matches(@"sqlcmd[^\n]*\s-I\b", text);
        Assert.Contains("CREATE DATABASE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Azurite_serves_blobs_only_without_telemetry()
    {
        var command = Sequence(Service("azurite"), "command");
        Assert.Equal("azurite-blob", command[0]);
        Assert.Contains("--disableTelemetry", command);
        Assert.Contains("--skipApiVersionCheck", command);
        Assert.Equal("0.0.0.0", command[command.IndexOf("--blobHost") + 1]);
    }

    [Fact]
    public void The_proxy_renders_the_nginx_template_with_its_two_placeholders()
    {
        var proxy = Service("proxy");
        var mount = Assert.Single(Sequence(proxy, "volumes"));
        var parts = mount.Split(':');
        Assert.Equal(DeployFiles.NginxTemplate, Path.GetFullPath(Path.Combine(DeployFiles.Deploy, parts[0])));
        Assert.StartsWith("/etc/nginx/templates/", parts[1], StringComparison.Ordinal);
        Assert.EndsWith(".template", parts[1], StringComparison.Ordinal);

        var environment = Mapping(proxy, "environment");
        Assert.Equal(NginxTemplate.Placeholders, environment.Keys.Order(StringComparer.Ordinal));
        Assert.Matches(@"^(server [a-z0-9.-]+:8080 [^;]*;\s*)+$", environment["NEWSCMS_UPSTREAM_SERVERS"]);
        Assert.Contains(Sequence(proxy, "ports"), port => port.EndsWith(":8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_variable_of_the_app_is_configuration_the_server_reads()
    {
        var environment = Mapping(Service("newscms"), "environment");
        Assert.Contains("ConnectionStrings__NewsCms", environment.Keys);
        Assert.Equal("SqlServer", environment["NewsCms__Database__Provider"]);
        Assert.Equal("AzureBlob", environment["NewsCms__Media__Store"]);
        Assert.Contains("ConnectionStrings__Redis", environment.Keys);
        Assert.Contains("NewsCms__Preview__SigningKey", environment.Keys);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);

        var unread = environment.Keys.Where(key => !AppConfigurationKeys.OfTheServer.IsRead(key)).ToList();
        Assert.True(unread.Count == 0,
            $"compose sets variables the app never reads (misspelt?): {string.Join(", ", unread)}. Keys it reads: {string.Join(", ", AppConfigurationKeys.OfTheServer.Keys)}");
    }

    [Fact]
    public void No_secret_is_written_in_the_file_itself()
    {
        foreach (var (service, variable, value) in AllEnvironmentValues())
        {
            if (variable.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || variable.Contains("SigningKey", StringComparison.Ordinal))
            {
                Assert.True(value.StartsWith("${", StringComparison.Ordinal), $"{service}.{variable} must come from deploy/.env");
            }

            // A connection string's password, too.
            if (PasswordInConnectionString().Match(value) is { Success: true } password)
            {
                Assert.StartsWith("${", password.Groups["value"].Value, StringComparison.Ordinal);
            }

            // The only account key written out is Azurite's published development key, valid nowhere else.
            if (value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains("AccountName=devstoreaccount1;", value, StringComparison.Ordinal);
                Assert.Contains("BlobEndpoint=http://azurite:", value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_variable_the_file_expects_is_documented_in_the_env_example()
    {
        var text = File.ReadAllText(DeployFiles.Compose);
        var used = ComposeVariable().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.Contains("MSSQL_SA_PASSWORD", used);

        var documented = File.ReadAllLines(DeployFiles.EnvExample)
            .Select(line => line.TrimStart('#', ' '))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        var undocumented = used.Where(name => !documented.Contains(name)).ToList();
        Assert.True(undocumented.Count == 0, $"Document in deploy/.env.example: {string.Join(", ", undocumented)}");

        // And the real .env stays out of git.
        Assert.Contains("/deploy/.env", File.ReadAllLines(Path.Combine(DeployFiles.Root, ".gitignore")));
    }

    private static IEnumerable<(string Service, string Variable, string Value)> AllEnvironmentValues()
    {
        foreach (var (key, node) in Services.Children)
        {
            var service = (YamlMappingNode)node;
            if (service.Children.ContainsKey("environment"))
            {
                foreach (var (variable, value) in Mapping(service, "environment"))
                {
                    yield return (((YamlScalarNode)key).Value!, variable, value);
                }
            }
        }
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node[key]).Children.Select(child => ((YamlScalarNode)child).Value!)];

    /// <summary>An environment block in its mapping form (<c>KEY: value</c>), the only one this file uses.</summary>
    private static Dictionary<string, string> Mapping(YamlMappingNode node, string key) =>
        ((YamlMappingNode)node[key]).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => ((YamlScalarNode)pair.Value).Value ?? "",
            StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"(?:^|;)\s*Password=(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();
}
