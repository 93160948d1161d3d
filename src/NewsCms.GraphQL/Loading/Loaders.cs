using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Media;
using NewsCms.Core.Sections;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Tags;

namespace NewsCms.GraphQL.Loading;

// One small class per reference, so that a trace or a profiler names exactly which batch ran.

public sealed class SectionByIdLoader(SectionTree sections) : BatchLoader<int, Section>
{
    protected override Task<IReadOnlyDictionary<int, Section>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        sections.FindByIdsAsync(keys, cancellationToken);
}

public sealed class SectionChildrenLoader(SectionTree sections) : GroupedBatchLoader<Section>
{
    protected override Task<ILookup<int, Section>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        sections.ChildrenAsync(keys, cancellationToken);
}

public sealed class PublishedArticleByIdLoader(PublishedArticles articles) : BatchLoader<int, Article>
{
    protected override Task<IReadOnlyDictionary<int, Article>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.FindByIdsAsync(keys, cancellationToken);
}

public sealed class PublicArticleBodyLoader(PublishedArticles articles) : BatchLoader<int, PublicArticleBody>
{
    protected override Task<IReadOnlyDictionary<int, PublicArticleBody>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.PublicBodiesAsync(keys, cancellationToken);
}

/// <summary>The whole body, Markdown source included: for the staff view only.</summary>
public sealed class ArticleBodyLoader(PublishedArticles articles) : BatchLoader<int, ArticleBody>
{
    protected override Task<IReadOnlyDictionary<int, ArticleBody>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.BodiesAsync(keys, cancellationToken);
}

public sealed class BylinesByArticleLoader(PublishedArticles articles) : GroupedBatchLoader<Author>
{
    protected override Task<ILookup<int, Author>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.AuthorsAsync(keys, cancellationToken);
}

public sealed class TagsByArticleLoader(PublishedArticles articles) : GroupedBatchLoader<Tag>
{
    protected override Task<ILookup<int, Tag>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.TagsAsync(keys, cancellationToken);
}

public sealed class CorrectionsByArticleLoader(ArticleCorrections corrections) : GroupedBatchLoader<ArticleCorrection>
{
    protected override Task<ILookup<int, ArticleCorrection>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        corrections.ForArticlesAsync(keys, cancellationToken);
}

public sealed class AuthorByIdLoader(AuthorDirectory authors) : BatchLoader<int, Author>
{
    protected override Task<IReadOnlyDictionary<int, Author>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        authors.FindByIdsAsync(keys, cancellationToken);
}

public sealed class TagByIdLoader(TagDirectory tags) : BatchLoader<int, Tag>
{
    protected override Task<IReadOnlyDictionary<int, Tag>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        tags.FindByIdsAsync(keys, cancellationToken);
}

public sealed class SponsorByIdLoader(SponsorDirectory sponsors) : BatchLoader<int, Sponsor>
{
    protected override Task<IReadOnlyDictionary<int, Sponsor>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        sponsors.FindByIdsAsync(keys, cancellationToken);
}

public sealed class MediaAssetByIdLoader(MediaLibrary media) : BatchLoader<int, MediaAsset>
{
    protected override Task<IReadOnlyDictionary<int, MediaAsset>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        media.FindByIdsAsync(keys, cancellationToken);
}
