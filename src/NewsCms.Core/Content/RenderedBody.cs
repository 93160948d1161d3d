namespace NewsCms.Core.Content;

/// <summary>Everything derived from a Markdown body when an article is saved, so that reads never render.</summary>
public sealed record RenderedBody(
    string Html,
    string PlainText,
    IReadOnlyList<OutlineEntry> Outline,
    int WordCount,
    int ReadingTimeMinutes);
