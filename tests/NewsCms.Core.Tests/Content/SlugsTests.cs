using NewsCms.Core.Content;
using Xunit;

namespace NewsCms.Core.Tests.Content;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Crème brûlée à la Zürich", "creme-brulee-a-la-zurich")]
    [InlineData("São Paulo’s Bolsa", "sao-paulo-s-bolsa")]
    [InlineData("Nestlé, L’Oréal and Citroën", "nestle-l-oreal-and-citroen")]
    [InlineData("Ñandú Señor", "nandu-senor")]
    [InlineData("Việt Nam Đồng", "viet-nam-dong")]
    [InlineData("Kraków Złoty", "krakow-zloty")]
    public void From_transliterates_accented_latin_letters_to_ascii(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void From_drops_the_accents_of_text_that_arrives_already_decomposed() =>
        Assert.Equal("creme-brulee", Slugs.From("Cre\u0300me bru\u0302le\u0301e"));

    [Theory]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æon Œuvre", "aeon-oeuvre")]
    [InlineData("Þór Điện", "thor-dien")]
    public void From_spells_latin_letters_that_do_not_decompose(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Theory]
    [InlineData("Q3 Results: Profit -- Up 12%!", "q3-results-profit-up-12")]
    [InlineData("  leading and trailing  ", "leading-and-trailing")]
    [InlineData("tabs\tand\nnewlines", "tabs-and-newlines")]
    [InlineData("--already-hyphenated--", "already-hyphenated")]
    [InlineData("snake_case/and.dots", "snake-case-and-dots")]
    public void From_turns_each_run_of_other_characters_into_one_hyphen(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! --- ???")]
    [InlineData("日本語")]
    [InlineData("—")]
    public void From_returns_empty_when_no_latin_letter_or_digit_remains(string text) =>
        Assert.Equal("", Slugs.From(text));

    [Fact]
    public void From_cuts_a_long_text_at_the_last_word_boundary_within_the_limit()
    {
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var full = string.Join('-', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        var slug = Slugs.From(text);

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.True(Slugs.IsValid(slug));
        Assert.StartsWith(slug + "-", full, StringComparison.Ordinal);
        Assert.True(full.Length > Slugs.MaxLength, "the text must be long enough to need cutting");
    }

    [Fact]
    public void From_keeps_a_cut_that_falls_exactly_between_words()
    {
        var firstWord = new string('a', Slugs.MaxLength);

        Assert.Equal(firstWord, Slugs.From(firstWord + " next"));
    }

    [Fact]
    public void From_cuts_a_single_overlong_word_at_the_limit()
    {
        Assert.Equal(new string('x', Slugs.MaxLength), Slugs.From(new string('X', Slugs.MaxLength + 50)));
    }

    [Fact]
    public void From_keeps_a_text_of_exactly_the_limit_whole()
    {
        var text = new string('b', Slugs.MaxLength - 2) + " c";

        Assert.Equal(new string('b', Slugs.MaxLength - 2) + "-c", Slugs.From(text));
    }

    [Theory]
    [InlineData("q3-results")]
    [InlineData("creme-brulee")]
    [InlineData("a")]
    public void From_leaves_a_valid_slug_unchanged(string slug) =>
        Assert.Equal(slug, Slugs.From(slug));

    [Fact]
    public void From_rejects_null() =>
        Assert.Throws<ArgumentNullException>(() => Slugs.From(null!));

    [Theory]
    [InlineData("Breaking: Fed raises rates by ¼ point")]
    [InlineData("¿Qué pasa?")]
    [InlineData("100% — all-in")]
    [InlineData("C# & .NET 10")]
    [InlineData("🚀 Launch day 🚀")]
    public void From_gives_a_slug_that_is_valid(string text) =>
        Assert.True(Slugs.IsValid(Slugs.From(text)), Slugs.From(text));

    [Theory]
    [InlineData("a")]
    [InlineData("2024")]
    [InlineData("q3-results-2024")]
    public void IsValid_accepts_lowercase_words_joined_by_single_hyphens(string slug) =>
        Assert.True(Slugs.IsValid(slug));

    [Fact]
    public void IsValid_accepts_a_slug_of_exactly_the_maximum_length() =>
        Assert.True(Slugs.IsValid(new string('a', Slugs.MaxLength)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("double--hyphen")]
    [InlineData("-")]
    [InlineData("Upper")]
    [InlineData("café")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("dot.ted")]
    public void IsValid_rejects_anything_else(string? slug) =>
        Assert.False(Slugs.IsValid(slug));

    [Fact]
    public void IsValid_rejects_a_slug_longer_than_the_maximum() =>
        Assert.False(Slugs.IsValid(new string('a', Slugs.MaxLength + 1)));
}
