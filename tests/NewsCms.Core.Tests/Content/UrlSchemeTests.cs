using NewsCms.Core.Content;
using Xunit;

namespace NewsCms.Core.Tests.Content;

public sealed class UrlSchemeTests
{
    [Theory]
    [InlineData("https://example.com", "https")]
    [InlineData("HTTP://EXAMPLE.COM", "http")]
    [InlineData("mailto:desk@example.com", "mailto")]
    [InlineData("  javascript:alert(1)", "javascript")]
    [InlineData("\u0001\u0010javascript:alert(1)", "javascript")]
    [InlineData("jav\tascript:alert(1)", "javascript")]
    [InlineData("java\r\nscript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("x-custom+scheme.v1:thing", "x-custom+scheme.v1")]
    public void Of_reads_the_scheme_as_a_browser_does(string url, string scheme) =>
        Assert.Equal(scheme, UrlScheme.Of(url));

    [Theory]
    [InlineData("/markets/rates")]
    [InlineData("rates")]
    [InlineData("../rates")]
    [InlineData("?page=2")]
    [InlineData("#section")]
    [InlineData("/path/with:colon")]
    [InlineData("?q=a:b")]
    [InlineData("1password:thing")]
    [InlineData(":nothing-before")]
    [InlineData("")]
    public void Of_finds_no_scheme_in_a_relative_url(string url) =>
        Assert.Null(UrlScheme.Of(url));

    [Theory]
    [InlineData("https://example.com/story")]
    [InlineData("http://example.com")]
    [InlineData(" HTTPS://EXAMPLE.COM")]
    [InlineData("//cdn.example.com/x")]
    [InlineData("/\\evil.example.com")]
    [InlineData("\\\\evil.example.com")]
    public void IsExternalWebUrl_accepts_urls_that_leave_the_site(string url) =>
        Assert.True(UrlScheme.IsExternalWebUrl(url));

    [Theory]
    [InlineData("/markets")]
    [InlineData("markets/rates")]
    [InlineData("#anchor")]
    [InlineData("mailto:desk@example.com")]
    [InlineData("ftp://example.com")]
    [InlineData("javascript://example.com")]
    public void IsExternalWebUrl_rejects_site_and_non_web_urls(string url) =>
        Assert.False(UrlScheme.IsExternalWebUrl(url));

    [Theory]
    [InlineData("https://cdn.example.com/chart.png", true)]
    [InlineData("/images/chart.png", true)]
    [InlineData("mailto:desk@example.com", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    public void IsHttpOrRelative_allows_only_what_is_fetched_over_the_web(string url, bool expected) =>
        Assert.Equal(expected, UrlScheme.IsHttpOrRelative(url));
}
