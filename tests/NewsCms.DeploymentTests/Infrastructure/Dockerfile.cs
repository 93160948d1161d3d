using System.Text.Json;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>One instruction of a Dockerfile, continuation lines joined, in the stage it belongs to.</summary>
public sealed record DockerInstruction(int Stage, string Keyword, string Arguments)
{
    /// <summary>The arguments of an exec-form instruction (<c>["dotnet", "x.dll"]</c>), or null for shell form.</summary>
    public IReadOnlyList<string>? ExecForm()
    {
        var text = Arguments.Trim();
        if (!text.StartsWith('['))
        {
            return null;
        }

        return JsonSerializer.Deserialize<List<string>>(text);
    }

    /// <summary>The words of the arguments, flags (<c>--from=build</c>) included.</summary>
    public IReadOnlyList<string> Words() => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Just enough of the Dockerfile grammar for the tests: comments, line continuations, stages. Docker itself is not on
/// this machine, so this is what reads the file here.
/// </summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int FinalStage => Instructions.Where(i => i.Keyword == "FROM").Max(i => i.Stage);

    public IEnumerable<DockerInstruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public static Dockerfile Read(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            // A comment line inside a continued instruction is skipped, as Docker does.
            if (pending.Length > 0 && line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = pending + line;
            pending = "";
            var space = full.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? full : full[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : full[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(stage, keyword, arguments));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The image a FROM names, without <c>--platform</c> and <c>AS name</c>.</summary>
    public static string ImageOf(DockerInstruction from) =>
        from.Words().First(word => !word.StartsWith("--", StringComparison.Ordinal));

    /// <summary>ENV keys of a stage, in either form (<c>ENV A=1 B=2</c> or <c>ENV A 1</c>).</summary>
    public IReadOnlyList<string> EnvironmentKeys(int stage) =>
        [.. InStage(stage).Where(i => i.Keyword == "ENV").SelectMany(i =>
            i.Arguments.Contains('=', StringComparison.Ordinal)
                ? i.Words().Where(w => w.Contains('=', StringComparison.Ordinal)).Select(w => w[..w.IndexOf('=', StringComparison.Ordinal)])
                : [i.Words()[0]])];
}
