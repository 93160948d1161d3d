using System.Globalization;
using NewsCms.BrowserTests.Stories;

namespace NewsCms.BrowserTests.Media;

/// <summary>The media desk: several uploads at once with a bar each, describing an asset, its focal point, and delete.</summary>
public sealed class MediaDeskTests(AdminServer server, BrowserHost browser) : IClassFixture<AdminServer>
{
    private static readonly StaffLogin Administrator = new(AdminServer.AdministratorEmail, AdminServer.StaffPassword, "Administrator");

    // An upload streams over the circuit and a thumbnail is made on its first request: on a busy machine both take
    // longer than a click, so their waits get the same 15 seconds the browser contexts give actions.
    private static readonly LocatorAssertionsToBeVisibleOptions Uploaded = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToHaveTextOptions UploadedText = new() { Timeout = 15_000 };

    [Fact]
    public async Task Two_dropped_images_upload_with_a_bar_each_and_are_described_with_a_clicked_focal_point()
    {
        var harbour = NewsroomSeed.Unique("harbour") + ".png";
        var skyline = NewsroomSeed.Unique("skyline") + ".png";
        var page = await browser.SignedInPageAsync(server, Administrator);
        await page.OpenAsync("/admin/media");

        await DropAsync(page,
        [
            new FilePayload { Name = harbour, MimeType = "image/png", Buffer = TestImages.Png(800, 600, (10, 60, 120), (200, 180, 40)) },
            new FilePayload { Name = skyline, MimeType = "image/png", Buffer = TestImages.Png(640, 480, (120, 20, 20), (20, 120, 20)) },
        ]);

        var bars = page.GetByRole(AriaRole.List, new() { Name = "Uploads" }).GetByRole(AriaRole.Listitem);
        await Expect(bars).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        foreach (var name in new[] { harbour, skyline })
        {
            var bar = bars.Filter(new() { HasText = name });
            await Expect(bar.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uploaded", UploadedText);
            var progress = bar.Locator("progress");
            Assert.Equal(await progress.GetAttributeAsync("max"), await progress.GetAttributeAsync("value"));
        }

        var library = page.GetByRole(AriaRole.List, new() { Name = "Library" });
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = harbour })).ToBeVisibleAsync(Uploaded);
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = skyline })).ToBeVisibleAsync(Uploaded);
        var thumbnail = library.GetByRole(AriaRole.Button, new() { Name = harbour }).Locator("img");
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 15_000 });
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The thumbnail's rendition did not load.");

        await library.GetByRole(AriaRole.Button, new() { Name = harbour }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = harbour })).ToBeVisibleAsync();
        await page.GetByLabel("Alt text").FillAsync("Boats in the harbour at dawn");
        var image = page.GetByTestId("focal-image");
        await Expect(image).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 15_000 });
        var box = await image.BoundingBoxAsync() ?? throw new InvalidOperationException("The picture is not drawn.");
        await image.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.75f } });
        await Expect(page.GetByLabel("Across")).ToHaveValueAsync("25");
        await Expect(page.GetByLabel("Down")).ToHaveValueAsync("75");
        await page.CheckAccessibilityAsync("media");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToContainTextAsync($"Saved {harbour}.");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("boats in the HARBOUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(library.GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
        await library.GetByRole(AriaRole.Button, new() { Name = harbour }).ClickAsync();
        await Expect(page.GetByLabel("Alt text")).ToHaveValueAsync("Boats in the harbour at dawn");
        await Expect(page.GetByLabel("Across")).ToHaveValueAsync("25");
        await Expect(page.GetByLabel("Down")).ToHaveValueAsync("75");
        await Expect(page.GetByTestId("no-uses")).ToBeVisibleAsync();

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Document");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByText("No asset matches.")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Gives the drop zone's input its files once Blazor's InputFile has hooked its change listener: files set before
    /// that are never seen, however interactive the circuit already is.
    /// </summary>
    private static async Task DropAsync(IPage page, FilePayload[] files)
    {
        await page.WaitForFunctionAsync("() => document.getElementById('media-files')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("#media-files").SetInputFilesAsync(files);
    }

    [Fact]
    public async Task Deleting_an_asset_a_story_shows_is_refused_with_the_cores_message_and_a_free_one_goes()
    {
        var used = NewsroomSeed.Unique("used") + ".png";
        var free = NewsroomSeed.Unique("free") + ".png";
        var page = await browser.SignedInPageAsync(server, Administrator);
        await page.OpenAsync("/admin/media");
        await DropAsync(page,
        [
            new FilePayload { Name = used, MimeType = "image/png", Buffer = TestImages.Png(320, 240, (1, 2, 3), (250, 250, 250)) },
            new FilePayload { Name = free, MimeType = "image/png", Buffer = TestImages.Png(320, 240, (90, 2, 3), (2, 250, 90)) },
        ]);
        var library = page.GetByRole(AriaRole.List, new() { Name = "Library" });
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = used })).ToBeVisibleAsync(Uploaded);
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = free })).ToBeVisibleAsync(Uploaded);
        var assetId = int.Parse(await library.GetByRole(AriaRole.Button, new() { Name = used }).GetAttributeAsync("data-asset") ?? "", CultureInfo.InvariantCulture);
        var heroId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"MediaAsset:{assetId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var story = await server.CreateStoryAsync(NewsroomSeed.Unique("Harbour story"), heroImageId: heroId);

        await library.GetByRole(AriaRole.Button, new() { Name = used }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = story.Title })).ToHaveAttributeAsync("href", $"/admin/stories/{story.DatabaseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this asset" }).ClickAsync();
        var refusal = page.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToHaveAttributeAsync("data-code", "Conflict");
        await Expect(refusal).ToContainTextAsync("The asset is still in use (1 use");
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = used })).ToBeVisibleAsync();

        await library.GetByRole(AriaRole.Button, new() { Name = free }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this asset" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Deleted" })).ToContainTextAsync($"Deleted {free}.");
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = free })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = used })).ToBeVisibleAsync();
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = free })).ToHaveCountAsync(0);
    }
}
