using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Media;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Sections;
using NewsCms.GraphQL.Sponsors;
using NewsCms.GraphQL.Tags;

namespace NewsCms.GraphQL.Articles;

/// <summary>
/// The whole editable content of a story. Create and update both take all of it, so a save never mixes with what a
/// colleague's partial update left; the field names are the keys of VALIDATION errors.
/// </summary>
public sealed class ArticleInputGraphType : InputObjectGraphType
{
    public ArticleInputGraphType()
    {
        Name = "ArticleInput";
        Description = "Everything an editor writes on a story. Times with a UTC offset are stored in UTC; times without one are read as UTC.";
        Field<NonNullGraphType<StringGraphType>>("title").Description($"The headline, at most {Article.TitleMaxLength} characters.");
        Field<StringGraphType>("kicker").Description($"The short label above the headline, at most {Article.KickerMaxLength} characters.");
        Field<StringGraphType>("summary").Description($"The standfirst, at most {Article.SummaryMaxLength} characters; needed to publish.");
        Field<StringGraphType>("slug").Description("The story's address. Omitted on create it is made from the title; omitted on update the current one stays.");
        Field<IdGraphType>("sectionId").Description("The global id of the story's section; needed to publish.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("authorIds").Description("The global ids of the byline's authors, in printed order; at least one to publish.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tagIds").Description("The global ids of the story's tags.");
        Field<IdGraphType>("sponsorId").Description("The global id of the sponsor, for sponsored content only.");
        Field<StringGraphType>("sponsorDisclosure").Description($"The disclosure readers see on sponsored content, at most {Article.DisclosureMaxLength} characters; needed to publish it.");
        Field<StringGraphType>("body").Description(
            $"The body in Markdown, at most {ArticleBody.MarkdownMaxLength:N0} characters. Authors write Markdown, never HTML: typed tags show as text. " +
            "`![alt](media:ID)` shows a library picture (ID: the asset's global id, or its number); it is rendered to the picture's URL on save, and to publish every picture needs alt text, here or on the asset.");
        Field<IdGraphType>("heroImageId").Description("The global id of a picture from the media library to show above the story.");
        Field<StringGraphType>("heroImageAlt").Description($"This story's alt text for the hero image, at most {MediaAsset.AltTextMaxLength} characters; the asset's when omitted. Publishing needs one or the other.");
        Field<StringGraphType>("heroImageCaption").Description($"This story's caption for the hero image, at most {MediaAsset.CaptionMaxLength} characters; the asset's when omitted.");
        Field<StringGraphType>("metaTitle").Description($"The title for search engines, at most {Article.MetaTitleMaxLength} characters; the headline when omitted.");
        Field<StringGraphType>("metaDescription").Description($"The description for search engines, at most {Article.MetaDescriptionMaxLength} characters; the summary when omitted.");
        Field<StringGraphType>("canonicalUrl").Description("The absolute http(s) URL of the original, when the story first ran elsewhere.");
        Field<BooleanGraphType>("isBreaking").Description("Flag the story as breaking news; false when omitted.");
        Field<DateTimeGraphType>("breakingUntil").Description("When the breaking flag stops counting; for as long as it is set when omitted.");
        Field<DateTimeGraphType>("embargoUntil").Description("Hold the story back from everyone until then; publishing before it schedules the story for that time.");
    }

    /// <summary>The draft the argument <paramref name="name"/> carries; ids of the wrong kind are VALIDATION on their field, all at once.</summary>
    public static ArticleDraft DraftOf(IResolveFieldContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetArgument<Dictionary<string, object?>>(name);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var draft = new ArticleDraft
        {
            Title = Text(input, "title") ?? "",
            Kicker = Text(input, "kicker"),
            Summary = Text(input, "summary"),
            Slug = Text(input, "slug"),
            SectionId = Reference(input, "sectionId", SectionGraphType.TypeName, errors),
            AuthorIds = References(input, "authorIds", AuthorGraphType.TypeName, errors),
            TagIds = References(input, "tagIds", TagGraphType.TypeName, errors),
            SponsorId = Reference(input, "sponsorId", SponsorGraphType.TypeName, errors),
            SponsorDisclosure = Text(input, "sponsorDisclosure"),
            Markdown = Text(input, "body") ?? "",
            MetaTitle = Text(input, "metaTitle"),
            MetaDescription = Text(input, "metaDescription"),
            CanonicalUrl = Text(input, "canonicalUrl"),
            IsBreaking = input.GetValueOrDefault("isBreaking") is true,
            BreakingUntil = EditorialArguments.Utc(input.GetValueOrDefault("breakingUntil")),
            EmbargoUntil = EditorialArguments.Utc(input.GetValueOrDefault("embargoUntil")),
            HeroImageId = Reference(input, "heroImageId", MediaAssetGraphType.TypeName, errors),
            HeroImageAlt = Text(input, "heroImageAlt"),
            HeroImageCaption = Text(input, "heroImageCaption"),
        };

        if (errors.Count > 0)
        {
            throw NewsCmsException.Invalid(errors);
        }

        return draft;
    }

    private static string? Text(Dictionary<string, object?> input, string field) => input.GetValueOrDefault(field) as string;

    private static int? Reference(Dictionary<string, object?> input, string field, string typeName, Dictionary<string, string> errors)
    {
        var value = input.GetValueOrDefault(field);
        if (value is null)
        {
            return null;
        }

        if (GlobalId.IdOf(value as string, typeName) is { } id)
        {
            return id;
        }

        errors[field] = $"'{value}' is not the id of a {typeName}.";
        return null;
    }

    private static List<int> References(Dictionary<string, object?> input, string field, string typeName, Dictionary<string, string> errors)
    {
        var ids = new List<int>();
        foreach (var item in input.GetValueOrDefault(field) as IEnumerable<object?> ?? [])
        {
            if (GlobalId.IdOf(item as string, typeName) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                errors[field] = $"'{item}' is not the id of a {typeName}.";
            }
        }

        return ids;
    }
}
