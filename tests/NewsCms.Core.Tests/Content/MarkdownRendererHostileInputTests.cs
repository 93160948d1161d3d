using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsCms.Core.Content;
using Xunit;

namespace NewsCms.Core.Tests.Content;

/// <summary>
/// Feeds well-known XSS vectors through the renderer and inspects the parsed result, as a browser
/// would build it, rather than searching the markup for strings an encoding could hide.
/// </summary>
public sealed class MarkdownRendererHostileInputTests
{
    private static readonly string PayloadFile = Path.Combine(AppContext.BaseDirectory, "Content", "Payloads", "xss-payloads.txt");

    private static readonly HashSet<string> ForbiddenElements =
    [
        "script", "iframe", "object", "embed", "form", "style", "meta", "base", "svg",
        "math", "link", "input", "button", "textarea", "frame", "frameset", "applet", "template", "noscript",
    ];

    private static readonly HashSet<string> AllowedElements =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td", "a", "img", "em", "strong", "del", "sup", "sub", "code", "pre",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "src", "alt", "title", "start", "id", "rel"];

    private static readonly HashSet<string> UrlAttributes =
    [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data", "cite", "codebase", "lowsrc", "dynsrc",
    ];

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "data:"];

    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Payloads() => new(ReadPayloads());

    [Fact]
    public void The_payload_file_holds_at_least_sixty_vectors() =>
        Assert.True(ReadPayloads().Count >= 60, $"only {ReadPayloads().Count} payloads in {PayloadFile}");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_leaves_no_script_capable_element(string payload)
    {
        foreach (var sponsored in new[] { false, true })
        {
            var elements = ParseRendered(payload, sponsored);

            Assert.DoesNotContain(elements, element => ForbiddenElements.Contains(element.LocalName));
            Assert.All(elements, element => Assert.Contains(element.LocalName, AllowedElements));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_leaves_no_event_handler_or_style_attribute(string payload)
    {
        foreach (var sponsored in new[] { false, true })
        {
            var attributes = ParseRendered(payload, sponsored).SelectMany(element => element.Attributes).ToList();

            Assert.DoesNotContain(attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, attribute => attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase));
            Assert.All(attributes, attribute => Assert.Contains(attribute.Name, AllowedAttributes));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_leaves_no_url_with_a_script_or_data_scheme(string payload)
    {
        foreach (var sponsored in new[] { false, true })
        {
            var urls = ParseRendered(payload, sponsored)
                .SelectMany(element => element.Attributes)
                .Where(attribute => UrlAttributes.Contains(attribute.Name))
                .Select(attribute => attribute.Value);

            Assert.All(urls, url =>
            {
                var asBrowserReadsIt = WithoutControlsAndWhitespace(url);
                Assert.DoesNotContain(ScriptSchemes, scheme => asBrowserReadsIt.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_gives_plain_text_holding_exactly_the_words_the_html_shows(string payload)
    {
        // Plain text is text: a tag an author typed is kept as the words they typed, and whoever
        // puts it into markup escapes it. What it must not do is hide or add anything.
        var rendered = Renderer.Render(payload, new MarkdownRenderOptions());
        var shown = Parser.ParseDocument(rendered.Html).Body!.TextContent;

        Assert.Equal(Words(shown), Words(rendered.PlainText));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")]
    public void Render_keeps_the_words_of_hostile_input_visible_as_text(string payload, string visibleText)
    {
        var rendered = Renderer.Render(payload, new MarkdownRenderOptions());

        Assert.Equal(visibleText, Parser.ParseDocument(rendered.Html).Body!.TextContent.Trim());
    }

    private static List<IElement> ParseRendered(string payload, bool sponsored)
    {
        var html = Renderer.Render(payload, new MarkdownRenderOptions(sponsored)).Html;
        return Parser.ParseDocument(html).Body!.Descendants<IElement>().ToList();
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string WithoutControlsAndWhitespace(string url) =>
        string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));

    private static List<string> ReadPayloads() =>
        File.ReadLines(PayloadFile)
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            .Select(Unescape)
            .ToList();

    /// <summary>Reads the escapes the payload file documents, so one line can carry a multi-line body or a control character.</summary>
    private static string Unescape(string line)
    {
        var payload = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length)
            {
                payload.Append(line[i]);
                continue;
            }

            switch (line[i + 1])
            {
                case 'n':
                    payload.Append('\n');
                    i++;
                    break;
                case 't':
                    payload.Append('\t');
                    i++;
                    break;
                case '\\':
                    payload.Append('\\');
                    i++;
                    break;
                case 'u' when i + 5 < line.Length
                    && ushort.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codeUnit):
                    payload.Append((char)codeUnit);
                    i += 5;
                    break;
                default:
                    payload.Append('\\');
                    break;
            }
        }

        return payload.ToString();
    }
}
