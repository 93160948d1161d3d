using System.Net;
using System.Text.RegularExpressions;

namespace NewsCms.BrowserTests.Newsletter;

/// <summary>The newsletter desk: lists with their counts, subscribers found by status and address, and the CSV export.</summary>
public sealed partial class NewsletterDeskTests(NewsletterDeskTests.MailingServer server, BrowserHost browser) : IClassFixture<NewsletterDeskTests.MailingServer>
{
    /// <summary>Sends the outbox every second, so that a confirmation mail is in the folder while the test waits.</summary>
    public sealed class MailingServer : AdminServer
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["NewsCms__Mail__IntervalSeconds"] = "1",
        };
    }

    [Fact]
    public async Task Subscribers_confirmed_through_the_public_api_are_listed_counted_found_and_exported()
    {
        await server.GraphQLAsync("mutation { createNewsletterList(input: { name: \"Markets briefing\" }) { slug } }");
        const string Subscribe = "mutation($email: String!) { subscribeToNewsletter(email: $email, lists: [\"markets-briefing\"]) { accepted } }";
        await server.GraphQLAsync(Subscribe, new { email = "reader.one@example.org" }, anonymous: true);
        await server.GraphQLAsync(Subscribe, new { email = "reader.two@example.org" }, anonymous: true);
        var token = await ConfirmationTokenForAsync("reader.one@example.org");
        await server.GraphQLAsync("mutation($token: String!) { confirmNewsletterSubscription(token: $token) }", new { token }, anonymous: true);
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Partnerships"));

        await page.OpenAsync("/admin/newsletter");
        var list = page.Locator("tr[data-list=markets-briefing]");
        await Expect(list.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(list.Locator("td[data-confirmed]")).ToHaveTextAsync("1");
        await page.GetByLabel("List", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Markets briefing" });
        await page.GetByLabel("Status").SelectOptionAsync("Confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show subscribers" }).ClickAsync();
        await Expect(page.Locator("tr[data-subscriber]")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-subscriber]")).ToHaveAttributeAsync("data-subscriber", "reader.one@example.org");
        await page.GetByLabel("Status").SelectOptionAsync("");
        await page.GetByLabel("Address contains").FillAsync("TWO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show subscribers" }).ClickAsync();
        await Expect(page.Locator("tr[data-subscriber]")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-subscriber=\"reader.two@example.org\"]")).ToContainTextAsync("Pending");
        await page.CheckAccessibilityAsync("newsletter");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Export Markets briefing as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        Assert.Equal("newsletter-markets-briefing.csv", download.SuggestedFilename);
        Assert.Contains("reader.one@example.org", csv, StringComparison.Ordinal);
        Assert.Contains("reader.two@example.org", csv, StringComparison.Ordinal);
        // The link works because the browser sends the staff cookie; without one the endpoint refuses.
        using var stranger = new HttpClient { BaseAddress = server.BaseUrl };
        using var refused = await stranger.GetAsync(new Uri("exports/newsletter/markets-briefing.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_partnerships_team_creates_a_list_and_a_taken_slug_is_refused_inline()
    {
        var page = await browser.SignedInPageAsync(server, await server.CreateStaffAsync("Partnerships"));

        await page.OpenAsync("/admin/newsletter");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Morning deals");
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Mergers and acquisitions before the bell.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created the list “Morning deals”.");
        await Expect(page.Locator("tr[data-list=morning-deals]")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Morning deals again");
        await page.GetByLabel("Slug", new() { Exact = true }).FillAsync("morning-deals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("morning-deals");

        var lists = (await server.GraphQLAsync("{ newsletterLists { slug name } }")).GetProperty("newsletterLists").EnumerateArray()
            .Where(l => l.GetProperty("slug").GetString()!.StartsWith("morning-deals", StringComparison.Ordinal)).ToList();
        Assert.Equal("Morning deals", Assert.Single(lists).GetProperty("name").GetString());
    }

    /// <summary>
    /// Waits, bounded, for the outbox to write the confirmation message to the pickup folder and reads its link,
    /// undoing the quoted-printable soft breaks and escapes a mail writer may put in a long line.
    /// </summary>
    private async Task<string> ConfirmationTokenForAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(server.MailFolder) ? Directory.GetFiles(server.MailFolder, "*.eml") : [])
            {
                var text = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
                if (text.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase) && ConfirmLink().Match(text) is { Success: true } link)
                {
                    return Uri.UnescapeDataString(link.Groups["token"].Value);
                }
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"No confirmation message to {email} within 30 seconds; the mail folder holds: {string.Join(", ", Directory.Exists(server.MailFolder) ? Directory.GetFiles(server.MailFolder) : [])}");
        return "";
    }

    [GeneratedRegex(@"/newsletter/confirm\?token=(?<token>[A-Za-z0-9_\-\.~%]+)")]
    private static partial Regex ConfirmLink();
}
