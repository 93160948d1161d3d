using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsCms.Core.Common;
using NewsCms.Core.Content;
using Xunit;

namespace NewsCms.Core.Tests.Content;

public sealed class MarkdownRendererTests
{
    private const string Story = """
        Shares in Northwind Traders rose 12% on Tuesday after the retailer raised its full-year forecast, sending its market value past **$40bn** for the first time.

        ## What the company said

        The chief executive, *Maria López*, told analysts the turnaround was "ahead of plan".

        > "We have stopped chasing volume and started chasing margin," López said. "The numbers show it."

        ## Why it matters

        - Margins widened for a third quarter
        - Online sales grew faster than stores
        - Debt fell to its lowest since 2019

        The guidance implies three steps:

        1. Close 40 loss-making stores
        2. Expand the loyalty programme
        3. Return cash to shareholders

        | Quarter | Revenue ($m) | Margin |
        |---------|-------------:|-------:|
        | Q1      | 1,204        | 8.1%   |
        | Q2      | 1,311        | 9.4%   |

        Read the [full filing](https://www.sec.gov/filings/northwind-10q) or our [earlier coverage](/markets/northwind-q2-results). Questions go to [the markets desk](mailto:markets@example.com).

        ### Analysts react

        Two brokers moved from ~~sell~~ to ***buy***.

        ## Why it matters

        A second section under the same name, as happens in live copy.
        """;

    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Render_keeps_the_elements_newsroom_markdown_produces()
    {
        var body = Parse(Render(Story).Html);

        foreach (var element in new[] { "p", "h2", "h3", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "em", "strong", "del" })
        {
            Assert.True(body.QuerySelector(element) is not null, $"expected a <{element}> in the rendered story");
        }

        Assert.Equal(3, body.QuerySelectorAll("ul > li").Length);
        Assert.Equal(3, body.QuerySelectorAll("ol > li").Length);
        Assert.Equal(3, body.QuerySelectorAll("thead th").Length);
        Assert.Equal(6, body.QuerySelectorAll("tbody td").Length);
        Assert.Contains("ahead of plan", body.QuerySelector("p:nth-of-type(2)")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("stopped chasing volume", body.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("$40bn", body.QuerySelector("p strong")!.TextContent);
        Assert.Equal("Maria López", body.QuerySelector("p em")!.TextContent);
        Assert.Equal("sell", body.QuerySelector("del")!.TextContent);
    }

    [Fact]
    public void Render_lists_the_headings_in_document_order_with_their_levels_and_unique_anchors()
    {
        var outline = Render(Story).Outline;

        Assert.Equal(
            [
                new OutlineEntry(2, "What the company said", "what-the-company-said"),
                new OutlineEntry(2, "Why it matters", "why-it-matters"),
                new OutlineEntry(3, "Analysts react", "analysts-react"),
                new OutlineEntry(2, "Why it matters", "why-it-matters-2"),
            ],
            outline);
    }

    [Fact]
    public void Render_sets_each_outline_anchor_as_the_id_of_its_heading()
    {
        var rendered = Render(Story);
        var headings = Parse(rendered.Html).QuerySelectorAll("h1, h2, h3, h4, h5, h6");

        Assert.Equal(rendered.Outline.Select(entry => entry.Anchor), headings.Select(heading => heading.Id));
        Assert.Equal(rendered.Outline.Select(entry => $"h{entry.Level}"), headings.Select(heading => heading.LocalName));
    }

    [Fact]
    public void Render_gives_the_same_output_every_time_for_the_same_input()
    {
        var first = Render(Story);
        var second = new MarkdownRenderer().Render(Story, new MarkdownRenderOptions());

        Assert.Equal(first.Html, second.Html);
        Assert.Equal(first.PlainText, second.PlainText);
        Assert.Equal(first.Outline, second.Outline);
    }

    [Fact]
    public void Render_numbers_repeated_headings_past_any_anchor_already_taken()
    {
        var outline = Render("## Results\n\n## Results 2\n\n## Results\n\n## Results").Outline;

        Assert.Equal(["results", "results-2", "results-3", "results-4"], outline.Select(entry => entry.Anchor));
    }

    [Fact]
    public void Render_anchors_a_heading_without_letters_or_digits_as_section()
    {
        var outline = Render("## ???\n\ntext\n\n## —\n\nmore").Outline;

        Assert.Equal(["section", "section-2"], outline.Select(entry => entry.Anchor));
        Assert.Equal(["???", "—"], outline.Select(entry => entry.Text));
    }

    [Fact]
    public void Render_takes_heading_text_and_anchor_from_the_words_not_the_markup()
    {
        var entry = Assert.Single(Render("## The **Fed’s** `rate` call on [Zürich](https://example.com/zurich) &amp; more").Outline);

        Assert.Equal("The Fed’s rate call on Zürich & more", entry.Text);
        Assert.Equal("the-fed-s-rate-call-on-zurich-more", entry.Anchor);
    }

    [Fact]
    public void Render_keeps_every_anchor_a_valid_slug_even_for_long_repeated_headings()
    {
        var longHeading = "## " + string.Join(' ', Enumerable.Repeat("quarterly", 40));

        var outline = Render($"{longHeading}\n\n{longHeading}\n\n{longHeading}").Outline;

        Assert.All(outline, entry => Assert.True(Slugs.IsValid(entry.Anchor), entry.Anchor));
        Assert.Equal(3, outline.Select(entry => entry.Anchor).Distinct().Count());
        Assert.EndsWith("-3", outline[2].Anchor, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_includes_top_level_headings_in_the_outline()
    {
        var rendered = Render("# Headline\n\n###### Smallest");

        Assert.Equal([new OutlineEntry(1, "Headline", "headline"), new OutlineEntry(6, "Smallest", "smallest")], rendered.Outline);
        Assert.Equal("headline", Parse(rendered.Html).QuerySelector("h1")!.Id);
    }

    [Fact]
    public void Render_marks_external_links_noopener_noreferrer_and_leaves_internal_and_mail_links_alone()
    {
        var body = Parse(Render(Story).Html);

        Assert.Equal("noopener noreferrer", LinkTo(body, "https://www.sec.gov/filings/northwind-10q").GetAttribute("rel"));
        Assert.False(LinkTo(body, "/markets/northwind-q2-results").HasAttribute("rel"));
        Assert.False(LinkTo(body, "mailto:markets@example.com").HasAttribute("rel"));
    }

    [Fact]
    public void Render_adds_sponsored_to_external_links_of_sponsored_content_only()
    {
        var body = Parse(Renderer.Render(Story, new MarkdownRenderOptions(Sponsored: true)).Html);

        Assert.Equal("sponsored noopener noreferrer", LinkTo(body, "https://www.sec.gov/filings/northwind-10q").GetAttribute("rel"));
        Assert.False(LinkTo(body, "/markets/northwind-q2-results").HasAttribute("rel"));
        Assert.False(LinkTo(body, "mailto:markets@example.com").HasAttribute("rel"));
    }

    [Theory]
    [InlineData("[x](HTTP://EXAMPLE.COM/UPPER)", "HTTP://EXAMPLE.COM/UPPER")]
    [InlineData("[x](//cdn.example.com/scheme-relative)", "//cdn.example.com/scheme-relative")]
    [InlineData("<https://example.com/autolink>", "https://example.com/autolink")]
    [InlineData("See www.example.com today", "https://www.example.com")]
    [InlineData("[x][ref]\n\n[ref]: https://example.com/reference", "https://example.com/reference")]
    public void Render_treats_every_form_of_web_link_to_another_host_as_external(string markdown, string href)
    {
        var link = LinkTo(Parse(Render(markdown).Html), href);

        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[x](/markets)")]
    [InlineData("[x](../markets/rates)")]
    [InlineData("[x](#what-the-company-said)")]
    [InlineData("[x](?page=2)")]
    [InlineData("<desk@example.com>")]
    public void Render_adds_no_rel_to_links_within_the_site_or_to_mail(string markdown)
    {
        var link = Assert.Single(Parse(Render(markdown).Html).QuerySelectorAll("a"));

        Assert.True(link.HasAttribute("href"));
        Assert.False(link.HasAttribute("rel"));
    }

    [Fact]
    public void Render_adds_no_target_attributes()
    {
        var html = Renderer.Render(Story, new MarkdownRenderOptions(Sponsored: true)).Html;

        Assert.Empty(Parse(html).QuerySelectorAll("[target]"));
    }

    [Fact]
    public void Render_produces_plain_text_without_markup()
    {
        var plainText = Render(Story).PlainText;

        foreach (var markup in new[] { "#", "*", "|", "<", ">", "&", "~~", "](", "---" })
        {
            Assert.DoesNotContain(markup, plainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_produces_plain_text_with_the_words_of_every_block_on_their_own_lines()
    {
        var lines = Render(Story).PlainText.Split('\n');

        Assert.Contains("What the company said", lines);
        Assert.Contains("Margins widened for a third quarter", lines);
        Assert.Contains("Close 40 loss-making stores", lines);
        Assert.Contains("Q1 1,204 8.1%", lines);
        Assert.Contains("\"We have stopped chasing volume and started chasing margin,\" López said. \"The numbers show it.\"", lines);
        Assert.Contains("Read the full filing or our earlier coverage. Questions go to the markets desk.", lines);
        Assert.Contains("Two brokers moved from sell to buy.", lines);
    }

    [Fact]
    public void Render_separates_paragraphs_in_plain_text_with_a_blank_line_and_normalizes_whitespace()
    {
        var plainText = Render("First   paragraph\nwraps here.\n\nSecond\tparagraph.").PlainText;

        Assert.Equal("First paragraph wraps here.\n\nSecond paragraph.", plainText);
    }

    [Fact]
    public void Render_puts_each_item_of_nested_lists_on_its_own_line_in_plain_text()
    {
        var plainText = Render("Intro.\n\n- Rates\n  - Fed\n  - ECB\n- Oil\n\nOutro.").PlainText;

        Assert.Equal("Intro.\n\nRates\nFed\nECB\nOil\n\nOutro.", plainText);
    }

    [Fact]
    public void Render_decodes_entities_in_plain_text()
    {
        var plainText = Render("AT&amp;T &copy; 2024, &quot;quoted&quot; &lt;tag&gt; and 5 &gt; 3").PlainText;

        Assert.Equal("AT&T © 2024, \"quoted\" <tag> and 5 > 3", plainText);
    }

    [Fact]
    public void Render_keeps_the_lines_of_code_blocks_in_plain_text()
    {
        var plainText = Render("Run:\n\n```\ndotnet build\ndotnet test\n```").PlainText;

        Assert.Equal("Run:\n\ndotnet build\ndotnet test", plainText);
    }

    [Fact]
    public void Render_counts_words_and_reading_time_of_a_long_story()
    {
        // Each paragraph has ten words among markup and a dash that is no word.
        const string Paragraph = "Revenue **rose** *in* [the third](https://example.com) quarter — `beating` forecasts by 12%.";
        var markdown = string.Join("\n\n", Enumerable.Repeat(Paragraph, 230));

        var rendered = Render(markdown);

        Assert.Equal(2_300, rendered.WordCount);
        Assert.Equal(10, rendered.ReadingTimeMinutes);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(2_301, 11)]
    public void Render_rounds_reading_time_up_to_whole_minutes(int words, int minutes)
    {
        var rendered = Render(Words(words));

        Assert.Equal(words, rendered.WordCount);
        Assert.Equal(minutes, rendered.ReadingTimeMinutes);
    }

    [Fact]
    public void Render_gives_a_body_without_words_one_minute_of_reading()
    {
        var rendered = Render("![Revenue by quarter](https://cdn.example.com/chart.png)");

        Assert.Equal(0, rendered.WordCount);
        Assert.Equal(1, rendered.ReadingTimeMinutes);
        Assert.NotNull(Parse(rendered.Html).QuerySelector("img"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    public void Render_gives_empty_results_for_an_empty_body(string markdown)
    {
        var rendered = Render(markdown);

        Assert.Equal("", rendered.Html);
        Assert.Equal("", rendered.PlainText);
        Assert.Empty(rendered.Outline);
        Assert.Equal(0, rendered.WordCount);
        Assert.Equal(0, rendered.ReadingTimeMinutes);
    }

    [Fact]
    public void Render_rejects_null_markdown() =>
        Assert.Throws<ArgumentNullException>(() => Renderer.Render(null!, new MarkdownRenderOptions()));

    [Fact]
    public void Render_rejects_null_options() =>
        Assert.Throws<ArgumentNullException>(() => Renderer.Render("text", null!));

    [Fact]
    public void Render_reports_a_body_nested_past_the_parser_limit_as_a_validation_error()
    {
        var exception = Assert.Throws<NewsCmsException>(() => Render(new string('>', 1_000) + " deep"));

        Assert.Equal(ErrorCode.Validation, exception.Code);
        Assert.True(exception.FieldErrors.ContainsKey("body"));
    }

    [Fact]
    public void Render_shows_raw_html_as_text()
    {
        var rendered = Render("Profits <b>doubled</b> <span class=\"x\">again</span>");
        var paragraph = Assert.Single(Parse(rendered.Html).Children);

        Assert.Empty(paragraph.Children);
        Assert.Equal("Profits <b>doubled</b> <span class=\"x\">again</span>", paragraph.TextContent);
    }

    [Fact]
    public void Render_keeps_a_paragraph_opening_with_initials_a_paragraph()
    {
        var body = Parse(Render("Intro.\n\nJ. P. Morgan said profits rose.").Html);

        Assert.Empty(body.QuerySelectorAll("ol"));
        Assert.Equal("J. P. Morgan said profits rose.", body.QuerySelectorAll("p")[1].TextContent);
    }

    [Fact]
    public void Render_keeps_attribute_syntax_as_text()
    {
        var body = Parse(Render("## Heading {#custom .red onclick=alert(1)}\n\n[x](https://example.com){target=_blank}").Html);

        Assert.Equal("heading-custom-red-onclick-alert-1", body.QuerySelector("h2")!.Id);
        Assert.Null(body.QuerySelector("[class], [target], [onclick]"));
    }

    [Fact]
    public void Render_keeps_image_source_alt_and_title()
    {
        var image = Parse(Render("![Revenue by quarter](https://cdn.example.com/chart.png \"Source: company filings\")").Html).QuerySelector("img")!;

        Assert.Equal("https://cdn.example.com/chart.png", image.GetAttribute("src"));
        Assert.Equal("Revenue by quarter", image.GetAttribute("alt"));
        Assert.Equal("Source: company filings", image.GetAttribute("title"));
    }

    [Theory]
    [InlineData("![x](mailto:desk@example.com)")]
    [InlineData("![x](ftp://example.com/chart.png)")]
    public void Render_drops_image_sources_that_are_not_web_urls(string markdown)
    {
        var image = Parse(Render(markdown).Html).QuerySelector("img")!;

        Assert.False(image.HasAttribute("src"));
    }

    [Fact]
    public void Render_drops_table_alignment_styles()
    {
        var body = Parse(Render(Story).Html);

        Assert.Empty(body.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Render_keeps_superscript_subscript_and_the_start_of_ordered_lists()
    {
        var body = Parse(Render("E = mc^2^ and H~2~O, up ~5% to ~7%\n\n3. third\n4. fourth").Html);

        Assert.Equal("2", body.QuerySelector("sup")!.TextContent);
        Assert.Equal("2", Assert.Single(body.QuerySelectorAll("sub")).TextContent);
        Assert.Equal("3", body.QuerySelector("ol")!.GetAttribute("start"));
    }

    [Fact]
    public void Render_gives_the_same_result_when_called_from_many_threads_at_once()
    {
        var expected = Render(Story);
        var results = new RenderedBody[64];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = Renderer.Render(Story, new MarkdownRenderOptions(Sponsored: i % 2 == 1)));

        Assert.All(results.Where((_, i) => i % 2 == 0), result => Assert.Equal(expected.Html, result.Html));
        Assert.All(results, result => Assert.Equal(expected.Outline, result.Outline));
        Assert.All(results, result => Assert.Equal(expected.PlainText, result.PlainText));
    }

    private static RenderedBody Render(string markdown) => Renderer.Render(markdown, new MarkdownRenderOptions());

    private static IHtmlElement Parse(string html) => Parser.ParseDocument(html).Body!;

    private static IElement LinkTo(IElement body, string href) =>
        Assert.Single(body.QuerySelectorAll("a"), link => link.GetAttribute("href") == href);

    private static string Words(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i % 12 == 11 ? "word.\n\n" : "word ");
        }

        return text.ToString();
    }
}
