using System.Text.RegularExpressions;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>
/// deploy/nginx/newscms.conf.template and its contract with whoever renders it (the nginx image's envsubst, the
/// scale-out test): exactly these two placeholders.
/// </summary>
public static partial class NginxTemplate
{
    public static readonly string[] Placeholders = ["NEWSCMS_LISTEN", "NEWSCMS_UPSTREAM_SERVERS"];

    public static string Text => File.ReadAllText(DeployFiles.NginxTemplate);

    /// <summary>Every <c>${NAME}</c> in the file, in order of appearance, repeats included.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value)];

    /// <summary>What envsubst does with the two values.</summary>
    public static string Render(string listen, IEnumerable<string> upstreamServers) =>
        Text.Replace("${NEWSCMS_LISTEN}", listen, StringComparison.Ordinal)
            .Replace("${NEWSCMS_UPSTREAM_SERVERS}", string.Join("\n    ", upstreamServers), StringComparison.Ordinal);

    /// <summary>
    /// The smallest main configuration that includes the rendered file in its http {} context, with every path nginx
    /// writes inside <paramref name="folder"/>, so it runs unprivileged and leaves nothing behind.
    /// </summary>
    public static string MainConfiguration(string folder, string renderedFile) => $$"""
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log stderr notice;
        worker_processes 1;
        events {
            worker_connections 256;
        }
        http {
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            include {{renderedFile}};
        }
        """;

    [GeneratedRegex(@"\$\{(?<name>[^}]*)\}")]
    private static partial Regex Placeholder();
}
