using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Articles;

/// <summary>
/// An article as the newsroom works on it: every status, the Markdown source, the version to send back with a change,
/// and the raw fields behind the public fallbacks. Staff with ReadDrafts only, whatever field returns it.
/// </summary>
public sealed class EditorialArticleGraphType : ObjectGraphType<Article>
{
    public EditorialArticleGraphType()
    {
        Name = "EditorialArticle";
        Description = "A story in any state, as staff edit it.";
        this.RequirePermission(Permission.ReadDrafts);

        // The same id as the public Article, so a tool can go from the edited story to what readers see and back.
        Field<NonNullGraphType<IdGraphType>>("id").Description("The story's global id, the same as its public `Article` id.").Resolve(c => GlobalId.Encode(ArticleGraphType.TypeName, c.Source.Id));
        Field<NonNullGraphType<ArticleStatusGraphType>>("status").Description("Where the story is in its lifecycle.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version to send as `expectedVersion` with the next change.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The headline.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("kicker").Description("The short label above the headline.").Resolve(c => c.Source.Kicker);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The standfirst; empty until written.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The story's address within the site.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("body")
            .Description("The body's Markdown source.")
            .Resolve(c => c.Service<ArticleBodyLoader>().Load(c.Source.Id).Then(body => body?.Markdown ?? ""));
        Field<NonNullGraphType<StringGraphType>>("html")
            .Description("The body as the sanitized HTML readers will get, rendered at the last save.")
            .Resolve(c => c.Service<ArticleBodyLoader>().Load(c.Source.Id).Then(body => body?.Html ?? ""));
        Field<NonNullGraphType<IntGraphType>>("wordCount").Description("Words in the body.").Resolve(c => c.Source.WordCount);

        Field<SectionGraphType>("section").Description("The section the story belongs to; null until chosen.")
            .Resolve(c => c.Source.SectionId is { } id ? c.Service<SectionByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorGraphType>>>>("authors")
            .Description("The byline, in printed order.")
            .Resolve(c => c.Service<BylinesByArticleLoader>().Load(c.Source.Id).Then(authors => authors ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("The topics the story is tagged with, by name.")
            .Resolve(c => c.Service<TagsByArticleLoader>().Load(c.Source.Id).Then(tags => tags ?? []));
        Field<SponsorGraphType>("sponsor").Description("The sponsor of sponsored content; null for editorial stories.")
            .Resolve(c => c.Source.SponsorId is { } id ? c.Service<SponsorByIdLoader>().Load(id) : null);
        Field<StringGraphType>("sponsorDisclosure").Description("The disclosure a sponsored story shows readers.").Resolve(c => c.Source.SponsorDisclosure);
        Field<ArticleImageGraphType>("heroImage")
            .Description("The picture above the story, with the alt text and caption it shows with; null when it has none.")
            .Resolve(ArticleImage.HeroOf);
        Field<StringGraphType>("heroImageAlt")
            .Description("The story's own alt text for the hero image as entered; null uses the asset's.")
            .Resolve(c => c.Source.HeroImageAlt);
        Field<StringGraphType>("heroImageCaption")
            .Description("The story's own caption for the hero image as entered; null uses the asset's.")
            .Resolve(c => c.Source.HeroImageCaption);

        Field<StringGraphType>("metaTitle").Description("The meta title as entered; null falls back to the headline.").Resolve(c => c.Source.MetaTitle);
        Field<StringGraphType>("metaDescription").Description("The meta description as entered; null falls back to the summary.").Resolve(c => c.Source.MetaDescription);
        Field<StringGraphType>("canonicalUrl").Description("The canonical URL when the story first ran elsewhere.").Resolve(c => c.Source.CanonicalUrl);
        Field<NonNullGraphType<SeoGraphType>>("seo").Description("What search engines will get, fallbacks applied.").Resolve(c => c.Source);

        Field<NonNullGraphType<BooleanGraphType>>("isBreaking").Description("Whether the story is flagged as breaking news, whatever its window.").Resolve(c => c.Source.IsBreaking);
        Field<DateTimeGraphType>("breakingUntil").Description("When the breaking flag stops counting, in UTC; null for as long as it is set.").Resolve(c => c.Source.BreakingUntil);
        Field<DateTimeGraphType>("embargoUntil").Description("Until when the story is held back from everyone, in UTC.").Resolve(c => c.Source.EmbargoUntil);
        Field<DateTimeGraphType>("publishedAt")
            .Description("When the story went live, or when it is scheduled to, in UTC; null if it never was.")
            .Resolve(c => c.Source.PublishedAt);
        Field<DateTimeGraphType>("scheduledFor")
            .Description("When a scheduled story goes live by itself, in UTC; null unless the story is scheduled.")
            .Resolve(c => c.Source.Status == ArticleStatus.Scheduled ? c.Source.PublishedAt : null);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the story was created, in UTC.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When the story was last saved, in UTC.").Resolve(c => c.Source.UpdatedAt);
        Field<StringGraphType>("createdBy")
            .Description("The e-mail of the staff member who created the story; null for imported stories and removed accounts.")
            .Resolve(c => c.Source.CreatedByUserId is { } id ? c.Service<StaffEmailByIdLoader>().Load(id) : null);
    }
}

public sealed class ArticleStatusGraphType : EnumerationGraphType<ArticleStatus>
{
    public ArticleStatusGraphType()
    {
        Name = "ArticleStatus";
        Description = "Where a story is in its lifecycle.";
    }
}

public sealed class EditorialArticleConnectionGraphType() : ConnectionGraphType<EditorialArticleGraphType, EditorialArticleEdgeGraphType, Article>("EditorialArticle");

public sealed class EditorialArticleEdgeGraphType() : EdgeGraphType<EditorialArticleGraphType, Article>("EditorialArticle");
