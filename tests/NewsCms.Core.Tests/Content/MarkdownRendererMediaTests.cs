using System.Buffers.Text;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using Xunit;

namespace NewsCms.Core.Tests.Content;

/// <summary>Library pictures in Markdown: <c>media:ID</c> targets become real URLs at render time, and nothing else can come in through them.</summary>
public sealed class MarkdownRendererMediaTests
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    private static readonly Dictionary<int, InlineMedia> Library = new()
    {
        [5] = new InlineMedia("/media/0123456789abcdef0123456789abcdef/1280-contain.webp", 1280, 720),
        [6] = new InlineMedia("https://cdn.example.com/media/fedcba9876543210fedcba9876543210/1280-contain.webp", 800, 600),
        [7] = new InlineMedia("/media/00112233445566778899aabbccddeeff/annual%20report.pdf", null, null),
    };

    [Fact]
    public void A_media_picture_gets_its_url_and_size_root_relative_or_on_the_cdn()
    {
        var images = Images("![Revenue by quarter](media:5)\n\n![A trader](media:6 \"On the floor\")");

        Assert.Equal(
            [
                ("/media/0123456789abcdef0123456789abcdef/1280-contain.webp", "Revenue by quarter", "1280", "720"),
                ("https://cdn.example.com/media/fedcba9876543210fedcba9876543210/1280-contain.webp", "A trader", "800", "600"),
            ],
            images.Select(i => (i.GetAttribute("src"), i.GetAttribute("alt"), i.GetAttribute("width"), i.GetAttribute("height"))));
        Assert.Equal("On the floor", images[1].GetAttribute("title"));
    }

    [Fact]
    public void The_global_id_and_any_case_of_the_scheme_work_like_the_number()
    {
        var globalId = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("MediaAsset:5"));

        var images = Images($"![One](media:{globalId})\n\n![Two](MEDIA:5)\n\n![Three][chart]\n\n[chart]: media:5");

        Assert.All(images, image => Assert.Equal(Library[5].Url, image.GetAttribute("src")));
        Assert.Equal(3, images.Count);
    }

    [Fact]
    public void A_link_to_a_document_points_at_it_and_gets_no_size()
    {
        var body = Parse(Render("Read [the report](media:7)."));

        Assert.Equal(Library[7].Url, body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(body.QuerySelectorAll("[width]"));
    }

    [Fact]
    public void Only_library_pictures_get_a_size()
    {
        var images = Images("![Chart](https://example.com/chart.png)\n\n![Library](media:5)");

        Assert.False(images[0].HasAttribute("width"));
        Assert.Equal("1280", images[1].GetAttribute("width"));
    }

    [Theory]
    [InlineData("![x](media:99)", "media:99")]
    [InlineData("![x](media:0)", "media:0")]
    [InlineData("![x](media:abc)", "media:abc")]
    [InlineData("![x](media:javascript:alert(1))", "media:javascript:alert(1)")]
    [InlineData("![x](media://evil.example.com/x.png)", "media://evil.example.com/x.png")]
    [InlineData("[x](media:5%22onerror=alert(1))", "media:5%22onerror=alert(1)")]
    [InlineData("![x](media:QXJ0aWNsZTo1)", "media:QXJ0aWNsZTo1")] // the global id of Article 5, not of an asset
    public void A_media_target_that_names_no_known_asset_fails_on_body_naming_it(string markdown, string named)
    {
        var error = Assert.Throws<NewsCmsException>(() => Renderer.Render(markdown, new MarkdownRenderOptions(Media: Library)));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains(named, error.FieldErrors["body"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_library_every_media_reference_fails()
    {
        var error = Assert.Throws<NewsCmsException>(() => Renderer.Render("![x](media:5)\n\n![y](media:6)", new MarkdownRenderOptions()));

        Assert.Contains("media:5", error.FieldErrors["body"], StringComparison.Ordinal);
        Assert.Contains("media:6", error.FieldErrors["body"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`![x](media:5)`")]
    [InlineData("    ![x](media:99)")]
    [InlineData("<media:99>")]
    [InlineData("media:99 in prose")]
    public void Media_text_that_is_no_link_target_is_left_alone_and_never_becomes_a_url(string markdown)
    {
        var body = Parse(Render(markdown));

        Assert.Empty(MarkdownRenderer.FindMediaReferences(markdown).AssetIds);
        Assert.DoesNotContain(
            body.Descendants<IElement>().SelectMany(e => e.Attributes),
            attribute => attribute.Value.Contains("media:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_sanitizer_still_screens_what_a_media_reference_resolves_to()
    {
        var hostile = new Dictionary<int, InlineMedia> { [5] = new InlineMedia("javascript:alert(1)", 10, 10) };

        var image = Parse(Renderer.Render("![x](media:5)", new MarkdownRenderOptions(Media: hostile)).Html).QuerySelector("img")!;

        Assert.False(image.HasAttribute("src"));
        Assert.False(image.HasAttribute("width"));
    }

    [Fact]
    public void Finding_references_reads_ids_and_each_pictures_alt_text()
    {
        var references = MarkdownRenderer.FindMediaReferences(
            "![*Bold* chart](media:5)\n\n![](media:6)\n\n[report](media:7)\n\n![again](media:5)\n\n![bad](media:nope)");

        Assert.Equal([5, 6, 7], references.AssetIds.Order());
        Assert.Equal([new InlineImage(5, "Bold chart"), new InlineImage(6, ""), new InlineImage(5, "again")], references.Images);
        Assert.Equal(["media:nope"], references.Malformed);
    }

    [Theory]
    [InlineData("media:42", 42)]
    [InlineData(" media:42 ", 42)]
    [InlineData("media:TWVkaWFBc3NldDo0Mg", 42)]
    [InlineData("media:-1", null)]
    [InlineData("media:99999999999", null)]
    [InlineData("media:", null)]
    [InlineData("https://example.com/media:42", null)]
    [InlineData("media:TWVkaWFBc3NldDotMQ", null)] // MediaAsset:-1
    public void A_media_id_is_a_positive_number_or_an_assets_global_id(string url, int? expected) =>
        Assert.Equal(expected, MediaReferences.IdOf(url));

    private static string Render(string markdown) => Renderer.Render(markdown, new MarkdownRenderOptions(Media: Library)).Html;

    private static List<IElement> Images(string markdown) => [.. Parse(Render(markdown)).QuerySelectorAll("img")];

    private static IElement Parse(string html) => Parser.ParseDocument(html).Body!;
}
