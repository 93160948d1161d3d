using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Routing;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Articles;

/// <summary>
/// A published story as frontends render it. The Markdown source, the status and its history are deliberately not
/// here: this type is what anonymous readers see.
/// </summary>
public sealed class ArticleGraphType : ObjectGraphType<Article>
{
    public const string TypeName = "Article";

    private const string HtmlField = "html";
    private const string TextField = "text";
    private const string OutlineField = "outline";
    private const string AuthorsField = "authors";

    public ArticleGraphType()
    {
        Name = TypeName;
        Description = "A published story.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The story's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The story's address within the site, unique among stories.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The story's URL path on the site; `route(path:)` reads it back.").Resolve(c => ContentPaths.Article(c.Source.Slug));
        Field<NonNullGraphType<StringGraphType>>("title").Description("The headline.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("kicker").Description("The short label above the headline, such as \"Breaking news\".").Resolve(c => c.Source.Kicker);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The standfirst: one or two sentences that sell the story.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<DateTimeGraphType>>("publishedAt").Description("When the story went live, in UTC.").Resolve(c => c.Source.PublishedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When the story last changed, in UTC.").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<BooleanGraphType>>("isBreaking")
            .Description("Whether the story is breaking news now; it stops being so when its breaking window ends.")
            .Resolve(c => c.Source.IsBreakingAt(c.Service<TimeProvider>().GetUtcNow().UtcDateTime));

        Field<SectionGraphType>("section").Description("The section the story belongs to.")
            .Resolve(c => c.Source.SectionId is { } id ? c.Service<SectionByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorGraphType>>>>(AuthorsField)
            .Description("The byline, in printed order.")
            .Resolve(c => c.Service<BylinesByArticleLoader>().Load(c.Source.Id).Then(authors => authors ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("The topics the story is tagged with, by name.")
            .Resolve(c => c.Service<TagsByArticleLoader>().Load(c.Source.Id).Then(tags => tags ?? []));

        Field<NonNullGraphType<BooleanGraphType>>("isSponsored").Description("Whether a sponsor paid for this story.").Resolve(c => c.Source.SponsorId is not null);
        Field<SponsorGraphType>("sponsor").Description("The sponsor of sponsored content; null for editorial stories.")
            .Resolve(c => c.Source.SponsorId is { } id ? c.Service<SponsorByIdLoader>().Load(id) : null);
        Field<StringGraphType>("sponsorDisclosure").Description("The disclosure a sponsored story must show readers.").Resolve(c => c.Source.SponsorDisclosure);
        Field<ArticleImageGraphType>("heroImage")
            .Description("The picture above the story, with the alt text and caption it shows with; null when it has none.")
            .Resolve(ArticleImage.HeroOf);

        Field<NonNullGraphType<StringGraphType>>(HtmlField)
            .Description("The body as sanitized HTML, rendered when the story was saved.")
            .Resolve(c => c.Service<PublicArticleBodyLoader>().Load(c.Source.Id).Then(body => body?.Html ?? ""));
        Field<NonNullGraphType<StringGraphType>>(TextField)
            .Description("The body as plain text, for search snippets, feeds and text-to-speech.")
            .Resolve(c => c.Service<PublicArticleBodyLoader>().Load(c.Source.Id).Then(body => body?.PlainText ?? ""));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutlineEntryGraphType>>>>(OutlineField)
            .Description("The body's headings in order, with the anchors the HTML carries: a table of contents.")
            .Resolve(c => c.Service<PublicArticleBodyLoader>().Load(c.Source.Id).Then(body => body?.Outline ?? []));
        Field<NonNullGraphType<IntGraphType>>("wordCount").Description("Words in the body.").Resolve(c => c.Source.WordCount);
        Field<NonNullGraphType<IntGraphType>>("readingTimeMinutes").Description("Minutes an average reader needs for the body, rounded up.").Resolve(c => c.Source.ReadingTimeMinutes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionGraphType>>>>("corrections")
            .Description("Corrections, clarifications and updates appended since publication, oldest first.")
            .Resolve(c => c.Service<CorrectionsByArticleLoader>().Load(c.Source.Id).Then(notes => notes ?? []));
        Field<NonNullGraphType<SeoGraphType>>("seo").Description("What search engines and link previews should show.").Resolve(c => c.Source);
    }

    /// <summary>Whether the selection under an article field reads the body (through fragments too).</summary>
    public static bool AsksForBody(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SubFields?.Values.Any(f => f.FieldType.Name is HtmlField or TextField or OutlineField) == true;
    }

    /// <summary>Whether the selection under an article field reads the byline.</summary>
    public static bool AsksForBylines(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SubFields?.Values.Any(f => f.FieldType.Name == AuthorsField) == true;
    }
}
