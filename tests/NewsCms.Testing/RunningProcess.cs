using System.Diagnostics;
using System.Globalization;

namespace NewsCms.Testing;

/// <summary>
/// A program a test keeps running beside it, such as a second server process; its output is collected line by line,
/// and disposing it kills its whole tree by its process id.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly Lock gate = new();
    private bool disposed;

    private RunningProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static RunningProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = ChildProcess.StartInfo(fileName, arguments, workingDirectory, environment);
        var process = new Process { StartInfo = start };
        var running = new RunningProcess(process);
        process.OutputDataReceived += (_, e) => running.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => running.Collect(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{fileName} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Everything the program wrote so far, standard error included.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>Waits until a line contains <paramref name="text"/>; fails with the output if the program exits or time runs out.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!Lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited || deadline.Elapsed > timeout)
            {
                var state = process.HasExited
                    ? string.Create(CultureInfo.InvariantCulture, $"exited with {process.ExitCode}")
                    : $"is still running after {timeout}";
                throw new TimeoutException($"Process {Id} {state} without writing \"{text}\". Output:\n{Output}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Kills the program and everything it started; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
        }
    }
}
