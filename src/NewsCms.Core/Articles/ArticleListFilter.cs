namespace NewsCms.Core.Articles;

/// <summary>Narrows the public list. A section filter includes every section nested below it.</summary>
public sealed record ArticleListFilter(string? SectionSlug = null, string? TagSlug = null, string? AuthorSlug = null)
{
    public static ArticleListFilter None { get; } = new();
}
