using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Media;
using NewsCms.GraphQL.Loading;

namespace NewsCms.GraphQL.Media;

/// <summary>A library picture as one story shows it: the story's own alt text and caption win over the asset's.</summary>
public sealed record ArticleImage(MediaAsset Asset, string? AltText, string? Caption)
{
    /// <summary>The hero image of <paramref name="article"/>, through the request's batch loader; null when it has none.</summary>
    public static IDataLoaderResult<ArticleImage?>? HeroOf(IResolveFieldContext<Article> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var article = context.Source;
        return article.HeroImageId is { } id
            ? context.Service<MediaAssetByIdLoader>().Load(id).Then(asset => asset is null
                ? null
                : new ArticleImage(asset, article.HeroImageAlt ?? asset.AltText, article.HeroImageCaption ?? asset.Caption))
            : null;
    }
}

public sealed class ArticleImageGraphType : ObjectGraphType<ArticleImage>
{
    public ArticleImageGraphType()
    {
        Name = "ArticleImage";
        Description = "A picture from the media library as a story shows it.";
        Field<NonNullGraphType<MediaAssetGraphType>>("asset").Description("The library asset.").Resolve(c => c.Source.Asset);
        Field<StringGraphType>("altText")
            .Description("What the picture shows, for readers who cannot see it: the story's own text, else the asset's.")
            .Resolve(c => c.Source.AltText);
        Field<StringGraphType>("caption")
            .Description("The caption under the picture: the story's own, else the asset's.")
            .Resolve(c => c.Source.Caption);
    }
}
