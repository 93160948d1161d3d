using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace NewsCms.BrowserTests.Infrastructure;

/// <summary>How the tests move through the admin the way an editor does, and the checks every desk must pass.</summary>
public static class AdminBrowser
{
    /// <summary>Where the screenshots of the desks are kept after a run (tests/TestResults is gitignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "TestResults", "screenshots");

    /// <summary>
    /// Opens a desk and waits until its circuit is interactive: before that, a click on a server-rendered button is
    /// lost, which is the classic flake of Blazor Server tests.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>Signs in with a password on the sign-in page and waits for the dashboard to be interactive.</summary>
    public static async Task SignInAsync(this IPage page, StaffLogin login, string? returnPath = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(login);
        await page.GotoAsync(returnPath is null ? "/admin/account/sign-in" : $"/admin/account/sign-in?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.GetByLabel("E-mail").FillAsync(login.Email);
        await page.GetByLabel("Password").FillAsync(login.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // A sign-in hashes the password and the dashboard opens the class's first circuit: the slowest steps of a
        // test, so they get twice the usual wait.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/admin/account/", StringComparison.Ordinal), new() { Timeout = 30_000 });
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException timeout)
        {
            // Keep what the browser showed: a sign-in that never finishes says nothing about why on its own.
            Directory.CreateDirectory(ScreenshotFolder);
            var picture = Path.Combine(ScreenshotFolder, $"failed-sign-in-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = picture, FullPage = true });
            var text = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Sign-in of {login.Email} did not reach an interactive desk; the page is {page.Url} ({picture}) and reads:\n{text}", timeout);
        }
    }

    /// <summary>A page of its own for <paramref name="login"/>: separate cookies, as a second editor at another desk.</summary>
    public static async Task<IPage> SignedInPageAsync(this BrowserHost browser, AdminServer server, StaffLogin login, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = timeZone is null ? await browser.NewContextAsync(server) : await browser.NewContextAsync(server, timeZone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(login);
        return page;
    }

    /// <summary>
    /// Runs axe-core on the page as it is now and fails on any serious or critical violation; keeps a full-page
    /// screenshot named <paramref name="desk"/> either way, as the run's picture of that desk.
    /// </summary>
    public static async Task CheckAccessibilityAsync(this IPage page, string desk)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{desk}.png"), FullPage = true });
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{desk}: axe-core found {blocking.Count} serious or critical violation(s):\n{Describe(blocking)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine($"    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
