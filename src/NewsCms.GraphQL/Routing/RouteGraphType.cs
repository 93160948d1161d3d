using GraphQL.Types;
using NewsCms.Core.Routing;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Routing;

public sealed class RouteGraphType : ObjectGraphType<Route>
{
    public RouteGraphType()
    {
        Name = "Route";
        Description = "What a URL path of the site shows: one story, section, author or tag, or a redirect to follow. Exactly the field that `kind` names is set.";

        Field<NonNullGraphType<RouteKindGraphType>>("kind").Description("What the path names; it says which of the other fields is set.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The canonical form of the requested path: without query, fragment or trailing slash.").Resolve(c => c.Source.Path);
        Field<ArticleGraphType>("article").Description("The story, when `kind` is ARTICLE.").Resolve(c => c.Source.Article);
        Field<SectionGraphType>("section").Description("The section, when `kind` is SECTION.").Resolve(c => c.Source.Section);
        Field<AuthorGraphType>("author").Description("The author, when `kind` is AUTHOR.").Resolve(c => c.Source.Author);
        Field<TagGraphType>("tag").Description("The tag, when `kind` is TAG.").Resolve(c => c.Source.Tag);
        Field<StringGraphType>("redirectTo").Description("When `kind` is REDIRECT: the path to send the reader to; null otherwise.").Resolve(c => c.Source.RedirectTo);
        Field<NonNullGraphType<BooleanGraphType>>("permanent")
            .Description("When `kind` is REDIRECT: whether the move is for good, so answer with HTTP 301 (or 308) rather than 302; false otherwise.")
            .Resolve(c => c.Source.Permanent);
    }
}

public sealed class RouteKindGraphType : EnumerationGraphType<RouteKind>
{
    public RouteKindGraphType()
    {
        Name = "RouteKind";
        Description = "What a URL path of the site names.";
    }
}
