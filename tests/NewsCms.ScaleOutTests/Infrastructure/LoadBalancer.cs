using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NewsCms.ScaleOutTests.Infrastructure;

/// <summary>
/// Debian's nginx in front of the replicas, on a loopback port, with its own prefix, pid, logs and temp folders in a
/// throwaway folder; stopped by its process id. The site is deploy/nginx/newscms.conf.template rendered for loopback,
/// the file production uses, so the test proves the shipped proxy configuration too.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    /// <summary>The template's contract: an http{}-context file with exactly these two placeholders.</summary>
    public const string ListenPlaceholder = "${NEWSCMS_LISTEN}";

    public const string UpstreamServersPlaceholder = "${NEWSCMS_UPSTREAM_SERVERS}";

    public const string AffinityCookie = "newscms_affinity";

    private readonly RunningProcess process;
    private readonly string prefix;

    private LoadBalancer(RunningProcess process, string prefix, Uri baseUrl, string siteSource)
    {
        this.process = process;
        this.prefix = prefix;
        BaseUrl = baseUrl;
        SiteSource = siteSource;
    }

    public Uri BaseUrl { get; }

    public Uri GraphQLUrl => new(BaseUrl, "graphql");

    /// <summary>Which site configuration runs: the deploy template, or the stand-in until it exists.</summary>
    public string SiteSource { get; }

    public static string TemplatePath => Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "nginx", "newscms.conf.template");

    /// <summary>nginx from <c>NEWSCMS_TEST_NGINX</c> (tests/run.sh), else Debian's /usr/sbin/nginx or one on PATH.</summary>
    public static string? FindProgram()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSCMS_TEST_NGINX");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, "nginx")))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<LoadBalancer> StartAsync(string program, string folder, IReadOnlyList<Uri> replicas, HttpClient http, CancellationToken cancellationToken)
    {
        var upstreams = string.Join("\n    ", replicas.Select(r => string.Create(CultureInfo.InvariantCulture, $"server {r.Host}:{r.Port} max_fails=1 fail_timeout=5s;")));
        var (site, source) = File.Exists(TemplatePath)
            ? (await File.ReadAllTextAsync(TemplatePath, cancellationToken), "deploy/nginx/newscms.conf.template")
            : (StandInSite, "the test's stand-in site (deploy/nginx/newscms.conf.template is not in this tree yet)");

        // nginx cannot listen on port 0 and report the port it got: a free port is asked of the system, and another
        // one tried should something take it before nginx binds it.
        var failures = new List<string>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var prefix = Directory.CreateDirectory(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"nginx-{attempt}"))).FullName;
            var port = FreeLoopbackPort();
            var rendered = site
                .Replace(ListenPlaceholder, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"), StringComparison.Ordinal)
                .Replace(UpstreamServersPlaceholder, upstreams, StringComparison.Ordinal);
            await WriteConfigurationAsync(prefix, rendered, cancellationToken);

            var process = RunningProcess.Start(program, [
                "-p", prefix + Path.DirectorySeparatorChar, "-c", Path.Combine(prefix, "conf", "nginx.conf"), "-e", Path.Combine(prefix, "logs", "error.log"),
                // In the foreground, for RunningProcess to own; one process, so there is no worker to switch users for.
                "-g", "daemon off; master_process off;",
            ], prefix);
            var balancer = new LoadBalancer(process, prefix, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), source);
            if (await balancer.AnswersAsync(http, TimeSpan.FromSeconds(20), cancellationToken))
            {
                return balancer;
            }

            failures.Add($"attempt {attempt} on port {port}:\n{balancer.RecentOutput()}");
            await balancer.DisposeAsync();
        }

        throw new InvalidOperationException($"nginx did not start:\n{string.Join("\n", failures)}");
    }

    /// <summary>Waits until nginx relays a request to a replica (any HTTP answer), or gives up when it exits.</summary>
    private async Task<bool> AnswersAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(BaseUrl, "graphql?query=%7B__typename%7D"), cancellationToken);
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        return false;
    }

    /// <summary>The end of nginx's error log and of its output (the template logs requests to standard output), for a failing test's message.</summary>
    public string RecentOutput(int count = 20)
    {
        var path = Path.Combine(prefix, "logs", "error.log");
        var errors = File.Exists(path) ? File.ReadAllLines(path) : [];
        return $"--- nginx ({BaseUrl}, {SiteSource}), last {Math.Min(count, errors.Length)} lines of its error log:\n{string.Join('\n', errors.TakeLast(count))}\n" +
            $"--- nginx, last {Math.Min(count, process.Lines.Count)} lines of its output:\n{string.Join('\n', process.Lines.TakeLast(count))}";
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static async Task WriteConfigurationAsync(string prefix, string site, CancellationToken cancellationToken)
    {
        foreach (var sub in new[] { "conf", "logs", "temp/client_body", "temp/proxy", "temp/fastcgi", "temp/uwsgi", "temp/scgi" })
        {
            Directory.CreateDirectory(Path.Combine(prefix, sub));
        }

        await File.WriteAllTextAsync(Path.Combine(prefix, "conf", "newscms.conf"), site, cancellationToken);
        // Everything nginx would otherwise write under /var (Debian's compiled-in paths) goes into the prefix.
        await File.WriteAllTextAsync(Path.Combine(prefix, "conf", "nginx.conf"), $$"""
            pid {{prefix}}/logs/nginx.pid;
            error_log {{prefix}}/logs/error.log warn;
            events {
                worker_connections 1024;
            }
            http {
                access_log {{prefix}}/logs/access.log;
                client_body_temp_path {{prefix}}/temp/client_body;
                proxy_temp_path {{prefix}}/temp/proxy;
                fastcgi_temp_path {{prefix}}/temp/fastcgi;
                uwsgi_temp_path {{prefix}}/temp/uwsgi;
                scgi_temp_path {{prefix}}/temp/scgi;
                include {{prefix}}/conf/newscms.conf;
            }
            """, cancellationToken);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// STAND-IN, to be replaced by rendering deploy/nginx/newscms.conf.template (branch i7-deploy): used only while
    /// that file is missing from the tree, and written to the same contract: least_conn for everything, the
    /// newscms_affinity cookie pinning /admin and /_blazor (a Blazor circuit lives in one process) to one replica, and
    /// X-Served-By naming the replica that answered.
    /// </summary>
    private const string StandInSite = """
        map $cookie_newscms_affinity $newscms_affinity {
            ""      $request_id;
            default $cookie_newscms_affinity;
        }
        map $cookie_newscms_affinity $newscms_affinity_cookie {
            ""      "newscms_affinity=$request_id; Path=/; HttpOnly; SameSite=Lax";
            default "";
        }
        map $http_upgrade $newscms_connection_upgrade {
            default upgrade;
            ""      close;
        }
        upstream newscms_spread {
            least_conn;
            ${NEWSCMS_UPSTREAM_SERVERS}
        }
        upstream newscms_sticky {
            hash $newscms_affinity consistent;
            ${NEWSCMS_UPSTREAM_SERVERS}
        }
        server {
            listen ${NEWSCMS_LISTEN};
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout http_502 http_503;
            location / {
                proxy_pass http://newscms_spread;
                add_header X-Served-By $upstream_addr always;
            }
            location /admin {
                add_header Set-Cookie $newscms_affinity_cookie;
                add_header X-Served-By $upstream_addr always;
                proxy_pass http://newscms_sticky;
            }
            location /_blazor {
                add_header Set-Cookie $newscms_affinity_cookie;
                add_header X-Served-By $upstream_addr always;
                # A location's own proxy_set_header drops the server's, so all of them again.
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection $newscms_connection_upgrade;
                proxy_read_timeout 1h;
                proxy_pass http://newscms_sticky;
            }
        }
        """;
}
