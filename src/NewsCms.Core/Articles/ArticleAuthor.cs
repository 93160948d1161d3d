using NewsCms.Core.Authors;

namespace NewsCms.Core.Articles;

/// <summary>A byline: one author of an article, in the order the byline prints them.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author? Author { get; set; }
    public int Position { get; set; }
}
