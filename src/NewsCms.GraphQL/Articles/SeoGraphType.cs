using GraphQL.Types;
using NewsCms.Core.Articles;

namespace NewsCms.GraphQL.Articles;

/// <summary>Search metadata with the fallbacks every frontend would otherwise write itself.</summary>
public sealed class SeoGraphType : ObjectGraphType<Article>
{
    public SeoGraphType()
    {
        Name = "Seo";
        Description = "Metadata for search engines and link previews.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("The meta title; the headline when none was set.")
            .Resolve(c => string.IsNullOrWhiteSpace(c.Source.MetaTitle) ? c.Source.Title : c.Source.MetaTitle);
        Field<NonNullGraphType<StringGraphType>>("description").Description("The meta description; the summary when none was set.")
            .Resolve(c => string.IsNullOrWhiteSpace(c.Source.MetaDescription) ? c.Source.Summary : c.Source.MetaDescription);
        Field<StringGraphType>("canonicalUrl").Description("The canonical URL when the story first ran elsewhere; null otherwise.").Resolve(c => c.Source.CanonicalUrl);
    }
}
