namespace NewsCms.Core.Articles;

public enum ArticleStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Unpublished,
    Archived,
}
