using NewsCms.Core.Tags;

namespace NewsCms.Core.Articles;

public sealed class ArticleTag
{
    public int ArticleId { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
}
