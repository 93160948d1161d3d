namespace NewsCms.Core.Articles;

/// <summary>The names revisions and the audit log give each article write; they match the GraphQL mutations.</summary>
public static class ArticleOperations
{
    public const string Create = "createArticle";
    public const string Update = "updateArticle";
    public const string Delete = "deleteArticle";
    public const string SubmitForReview = "submitArticleForReview";
    public const string Publish = "publishArticle";
    public const string Schedule = "scheduleArticle";
    public const string Unpublish = "unpublishArticle";
    public const string Archive = "archiveArticle";
    public const string RestoreRevision = "restoreArticleRevision";
}
