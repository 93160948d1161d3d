using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.GraphQL.Loading;

namespace NewsCms.GraphQL.Articles;

internal static class ArticleQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ArticleConnectionGraphType>>("articles")
            .Description("Published stories, newest first. Filters combine; a section filter includes its subsections.")
            .Arguments(ArticleListArguments.Paging())
            .Argument<StringGraphType>("section", a => a.Description = "Only stories of the section with this slug, or of sections nested in it.")
            .Argument<StringGraphType>("tag", a => a.Description = "Only stories tagged with this slug.")
            .Argument<StringGraphType>("author", a => a.Description = "Only stories with the author of this slug in the byline.")
            .ResolveAsync(async c => await c.Service<PublishedArticles>().ListAsync(
                new ArticleListFilter(c.GetArgument<string?>("section"), c.GetArgument<string?>("tag"), c.GetArgument<string?>("author")),
                ArticleListArguments.Page(c),
                c.CancellationToken));

        query.Field<ArticleGraphType>("article")
            .Description("The published story with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", a => a.Description = "The story's slug.")
            .ResolveAsync(async c => await FindBySlugAsync(c));
    }

    /// <summary>A story page that shows the text gets the row, the body and the byline in one statement.</summary>
    private static async Task<Article?> FindBySlugAsync(IResolveFieldContext c)
    {
        var slug = c.GetArgument<string>("slug");
        var articles = c.Service<PublishedArticles>();
        if (!ArticleGraphType.AsksForBody(c))
        {
            return await articles.FindBySlugAsync(slug, c.CancellationToken);
        }

        var found = await articles.FindBySlugWithBodyAsync(slug, withBylines: ArticleGraphType.AsksForBylines(c), c.CancellationToken);
        if (found is null)
        {
            return null;
        }

        c.Service<PublicArticleBodyLoader>().Prime(found.Article.Id, found.Body);
        if (found.Bylines is { } bylines)
        {
            c.Service<BylinesByArticleLoader>().Prime(found.Article.Id, bylines);
        }

        return found.Article;
    }
}
