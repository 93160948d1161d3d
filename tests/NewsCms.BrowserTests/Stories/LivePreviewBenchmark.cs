using System.Globalization;
using System.Text;

namespace NewsCms.BrowserTests.Stories;

/// <summary>
/// How long the story editor's live preview takes to show a keystroke in a 5,000-word story: from the textarea's
/// input event to the preview's DOM holding the change, measured in the page. A measurement, not a test: it runs only
/// with NEWSCMS_BENCHMARK=1 (tests/bench/live-preview.sh) and reports, it does not assert a time.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class LivePreviewBenchmark(BrowserHost browser)
{
    private const int Words = 5_000;
    private const int WarmUpRuns = 5;
    private const int Runs = 20;

    // Starts the clock, types one character at the end of the last paragraph as a keystroke does (the textarea's
    // value changes, then "input" fires), and stops it when the preview's last paragraph shows that character.
    private const string TypeOneCharacter = """
        async (expected) => {
          const area = document.querySelector('#story-body');
          const preview = document.querySelector('[data-testid=preview]');
          return await new Promise((resolve, reject) => {
            const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('the preview never showed the keystroke')); }, 10000);
            const observer = new MutationObserver(() => {
              const last = preview.querySelector('p:last-of-type');
              if (last && last.textContent === expected) {
                const took = performance.now() - started;
                observer.disconnect();
                clearTimeout(timeout);
                resolve(took);
              }
            });
            observer.observe(preview, { childList: true, subtree: true, characterData: true });
            const started = performance.now();
            area.value = area.value + 'x';
            area.dispatchEvent(new Event('input', { bubbles: true }));
          });
        }
        """;

    public static string ReportPath { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "TestResults", "live-preview.md");

    [Fact]
    public async Task Live_preview_latency_of_a_keystroke_in_a_5000_word_story()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("NEWSCMS_BENCHMARK") == "1", "A benchmark: run it with tests/bench/live-preview.sh.");
        // Its own server, started only when it runs: a class fixture would start one in every run of the suite.
        await using var server = new AdminServer();
        await server.InitializeAsync();
        var (id, _) = await StoryDesk.CreateStoryAsync(server, new { title = "A very long read", body = LongBody(out var lastParagraph) });
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Editor"));
        await page.OpenAsync($"/admin/stories/{id}");
        await Expect(page.GetByTestId("word-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(49|50|51)\d\d words$"));

        var browserMs = new List<double>();
        var serverMs = new List<double>();
        var typed = lastParagraph;
        for (var run = 0; run < WarmUpRuns + Runs; run++)
        {
            typed += "x";
            var took = await page.EvaluateAsync<double>(TypeOneCharacter, typed);
            var rendered = double.Parse(await page.Preview().GetAttributeAsync("data-render-ms") ?? "0", CultureInfo.InvariantCulture);
            if (run >= WarmUpRuns)
            {
                browserMs.Add(took);
                serverMs.Add(rendered);
            }

            // A pause in typing, longer than the preview's throttle, so that every keystroke is a first one.
            await page.WaitForTimeoutAsync(400);
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Live preview: one keystroke in a {Words:N0}-word story ({Runs} runs after {WarmUpRuns} warm-up)")
            .AppendLine()
            .AppendLine("| Measure | Median (ms) | p95 (ms) | Min (ms) | Max (ms) |")
            .AppendLine("|---|--:|--:|--:|--:|")
            .AppendLine(Row("keystroke to preview DOM (browser)", browserMs))
            .AppendLine(Row("render on the server (MarkdownRenderer)", serverMs));
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        await File.WriteAllTextAsync(ReportPath, report.ToString(), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.Equal(Runs, browserMs.Count);
    }

    private static string Row(string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(sorted, 0.5):0.0} | {Percentile(sorted, 0.95):0.0} | {sorted[0]:0.0} | {sorted[^1]:0.0} |");
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>About 5,000 words of business prose with headings, emphasis, links and lists, ending with a paragraph to type into.</summary>
    private static string LongBody(out string lastParagraph)
    {
        string[] vocabulary =
        [
            "markets", "rallied", "after", "the", "central", "bank", "signalled", "that", "rates", "would", "stay", "higher",
            "for", "longer", "while", "investors", "weighed", "earnings", "from", "banks", "and", "energy", "groups",
        ];
        var body = new StringBuilder();
        var words = 0;
        var paragraph = 0;
        while (words < Words - 10)
        {
            if (paragraph % 5 == 0)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"## Part {(paragraph / 5) + 1}: what moved the market").AppendLine();
                words += 6;
            }

            var line = new StringBuilder();
            for (var i = 0; i < 60 && words < Words - 10; i++, words++)
            {
                var word = vocabulary[(paragraph * 7 + i) % vocabulary.Length];
                line.Append(i switch
                {
                    10 => $"**{word}**",
                    30 => $"[{word}](https://example.com/{paragraph})",
                    _ => word,
                }).Append(' ');
            }

            body.AppendLine(line.ToString().TrimEnd() + ".").AppendLine();
            paragraph++;
        }

        lastParagraph = "The end";
        body.Append(lastParagraph);
        return body.ToString();
    }
}
