namespace NewsCms.Core.Content;

public static class Slugs
{
    public const int MaxLength = 200;
}
