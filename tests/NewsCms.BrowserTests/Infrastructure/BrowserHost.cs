namespace NewsCms.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright's own driver: nothing is downloaded. tests/run.sh installs the browser and
/// names it in NEWSCMS_TEST_CHROMIUM; without it the suite skips here and fails on CI.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("NEWSCMS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        // Expect's own 5 s is shorter than the contexts' timeout below: an action that hashes a password on a loaded
        // two-core machine can take longer, and a browser suite must not fail for being slow.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) on <paramref name="server"/>: one per editor in a test.</summary>
    public async Task<IBrowserContext> NewContextAsync(AdminServer server, string timeZone = "Europe/London")
    {
        ArgumentNullException.ThrowIfNull(server);
        TestEnvironment.RequireLocalService(browser is not null, $"Chromium was not found at {ChromiumPath}");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            TimezoneId = timeZone,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        // Generous but bounded: a busy two-core machine runs the server, the browser and the tests at once.
        context.SetDefaultTimeout(15_000);
        server.Own(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
