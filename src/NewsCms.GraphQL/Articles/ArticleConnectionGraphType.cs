using NewsCms.Core.Articles;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Articles;

public sealed class ArticleConnectionGraphType() : ConnectionGraphType<ArticleGraphType, ArticleEdgeGraphType, Article>(ArticleGraphType.TypeName);

public sealed class ArticleEdgeGraphType() : EdgeGraphType<ArticleGraphType, Article>(ArticleGraphType.TypeName);
