using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCms.ScaleOutTests.Infrastructure;

/// <summary>
/// One server process of the cluster, started from the build output as an operator starts a replica. Each has its own
/// home and data folders, as separate machines or containers would: whatever works across replicas must go through
/// the shared services, never through a file they happen to share on this box (ASP.NET's default key ring lives in
/// the home folder).
/// </summary>
public sealed partial class Replica : IAsyncDisposable
{
    private readonly RunningProcess process;

    private Replica(string name, RunningProcess process)
    {
        Name = name;
        this.process = process;
    }

    /// <summary>A, B or C, also its <c>NewsCms:Instance:Name</c>.</summary>
    public string Name { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri GraphQLUrl => new(BaseUrl, "graphql");

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public IReadOnlyList<string> Lines => process.Lines;

    public static Replica Start(string name, string serverAssembly, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        var environment = new Dictionary<string, string>(settings)
        {
            ["HOME"] = home,
            ["NewsCms__DataPath"] = data,
            ["NewsCms__Instance__Name"] = name,
        };
        // Port 0: the system picks a free port and the server logs it, so no other process can take it in between.
        var process = RunningProcess.Start("dotnet", [serverAssembly, "--urls", "http://127.0.0.1:0"], Path.GetDirectoryName(serverAssembly)!, environment);
        return new Replica(name, process);
    }

    /// <summary>Waits for the listening address, then until the replica says it is ready to take traffic.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await process.WaitForLineAsync("Now listening on: http://127.0.0.1:", timeout, cancellationToken);
        var port = Lines.Select(line => ListeningOn().Match(line)).First(match => match.Success).Groups["port"].Value;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");

        var last = "no answer yet";
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                if (await IsReadyAsync(http, cancellationToken))
                {
                    return;
                }

                last = "not ready";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "a request timed out";
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Replica {Name} was not ready after {clock.Elapsed.TotalSeconds:F0} s ({last}). Output:\n{RecentOutput(80)}");
    }

    /// <summary>
    /// <c>/readyz</c> (database, media store and Redis answer); until a build has it (404), a GraphQL query answering
    /// is the readiness signal.
    /// </summary>
    private async Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using (var ready = await http.GetAsync(new Uri(BaseUrl, "readyz"), cancellationToken))
        {
            if (ready.StatusCode != HttpStatusCode.NotFound)
            {
                return ready.StatusCode == HttpStatusCode.OK;
            }
        }

        using var content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json");
        using var graphql = await http.PostAsync(GraphQLUrl, content, cancellationToken);
        return graphql.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Whether any line of the replica's log so far is one <paramref name="matches"/> accepts.</summary>
    public bool Logged(Func<string, bool> matches) => Lines.Any(matches);

    /// <summary>Kills the replica by its process id with SIGKILL, as <c>kill -9</c> does: no shutdown, no draining.</summary>
    public void KillAbruptly()
    {
        using var running = Process.GetProcessById(process.Id);
        running.Kill(entireProcessTree: false);
        running.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>The end of the log without the per-request lines, which would crowd out the warnings that explain a failure.</summary>
    public string RecentOutput(int count = 40)
    {
        var kept = new List<string>();
        var inRequestEntry = false;
        foreach (var line in Lines)
        {
            // A console log entry is a header line naming its category, then indented lines.
            inRequestEntry = line.Contains(RequestLogCategory, StringComparison.Ordinal) || (inRequestEntry && line.StartsWith(' '));
            if (!inRequestEntry)
            {
                kept.Add(line);
            }
        }

        var state = process.HasExited ? "exited" : string.Create(CultureInfo.InvariantCulture, $"pid {process.Id}");
        return $"--- replica {Name} ({BaseUrl}, {state}), last {Math.Min(count, kept.Count)} lines but per-request ones:\n{string.Join('\n', kept.TakeLast(count))}";
    }

    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningOn();
}
