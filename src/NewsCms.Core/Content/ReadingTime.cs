namespace NewsCms.Core.Content;

internal static class ReadingTime
{
    /// <summary>A typical adult's silent reading speed for non-fiction prose.</summary>
    public const double WordsPerMinute = 230;

    /// <summary>
    /// Rounds up, and gives a body with no words (a lone chart, say) one minute rather than none,
    /// since zero reads as "nothing here".
    /// </summary>
    public static int Minutes(int wordCount) => Math.Max(1, (int)Math.Ceiling(wordCount / WordsPerMinute));
}
