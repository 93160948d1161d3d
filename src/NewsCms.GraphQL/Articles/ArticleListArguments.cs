using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Articles;

/// <summary>The paging arguments every article list takes, described once.</summary>
internal static class ArticleListArguments
{
    public static QueryArguments Paging() => new(
        new QueryArgument<IntGraphType>
        {
            Name = "first",
            Description = $"How many stories to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.",
        },
        new QueryArgument<StringGraphType>
        {
            Name = "after",
            Description = "Return the stories after this cursor (`pageInfo.endCursor` of the previous page).",
        });

    /// <summary>The `articles(first, after)` connection that sections, authors and tags each carry.</summary>
    public static void AddArticlesField<TSource>(this ObjectGraphType<TSource> type, string description, Func<TSource, ArticleListFilter> filterOf) =>
        type.Field<NonNullGraphType<ArticleConnectionGraphType>>("articles")
            .Description(description)
            .Arguments(Paging())
            .ResolveAsync(async c => await c.Service<PublishedArticles>().ListAsync(filterOf(c.Source), Page(c), c.CancellationToken));

    public static PageRequest Page(IResolveFieldContext context) =>
        PageRequest.Create(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));
}
