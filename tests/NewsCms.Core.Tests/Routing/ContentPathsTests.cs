using NewsCms.Core.Routing;
using Xunit;

namespace NewsCms.Core.Tests.Routing;

public sealed class ContentPathsTests
{
    [Theory]
    [InlineData(RouteKind.Article, "rates-hold", "/articles/rates-hold")]
    [InlineData(RouteKind.Section, "markets", "/sections/markets")]
    [InlineData(RouteKind.Author, "ada-lovelace", "/authors/ada-lovelace")]
    [InlineData(RouteKind.Tag, "ai", "/tags/ai")]
    public void Every_path_made_reads_back_as_what_it_names(RouteKind kind, string slug, string path)
    {
        Assert.Equal(path, ContentPaths.Of(kind, slug));
        Assert.True(ContentPaths.TryParse(path, out var parsedKind, out var parsedSlug));
        Assert.Equal((kind, slug), (parsedKind, parsedSlug));
    }

    [Theory]
    [InlineData("/tags/ai/")]
    [InlineData("/tags/ai?page=2")]
    [InlineData("/tags/ai#top")]
    [InlineData("/tags/ai/?page=2")]
    public void The_query_fragment_and_one_trailing_slash_are_ignored(string path)
    {
        Assert.True(ContentPaths.TryParse(path, out var kind, out var slug));
        Assert.Equal((RouteKind.Tag, "ai"), (kind, slug));
    }

    [Theory]
    [InlineData("/tags/ai//")]
    [InlineData("/tags/AI")]
    [InlineData("/tags/-ai")]
    [InlineData("/tags/a/b")]
    [InlineData("/tags")]
    [InlineData("tags/ai")]
    [InlineData("/redirects/ai")]
    public void Other_shapes_are_not_content_paths(string path) =>
        Assert.False(ContentPaths.TryParse(path, out _, out _));

    [Fact]
    public void A_redirect_has_no_path_of_its_own() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContentPaths.Of(RouteKind.Redirect, "x"));
}
