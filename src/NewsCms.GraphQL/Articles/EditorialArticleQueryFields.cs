using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Authors;
using NewsCms.GraphQL.Relay;
using NewsCms.GraphQL.Sections;

namespace NewsCms.GraphQL.Articles;

/// <summary>The newsroom's reads: stories in every state, their revisions and what changed between two.</summary>
internal static class EditorialArticleQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<EditorialArticleGraphType>("editorialArticle")
            .Description("Any story by its global id, whatever its state; null when there is none. Staff only.")
            .RequirePermission(Permission.ReadDrafts)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The story's global id.")
            .ResolveAsync(async c => GlobalIdOf(c) is { } id ? await c.Service<EditorialArticles>().FindAsync(c.Actor(), id, c.CancellationToken) : null);

        query.Field<NonNullGraphType<EditorialArticleConnectionGraphType>>("editorialArticles")
            .Description("Stories in every state, most recently saved first. Staff only.")
            .RequirePermission(Permission.ReadDrafts)
            .Arguments(ArticleListArguments.Paging())
            .Argument<ArticleStatusGraphType>("status", a => a.Description = "Only stories in this state.")
            .Argument<StringGraphType>("search", a => a.Description = $"Only stories whose title, summary or slug contains this, in any case; at most {EditorialArticleFilter.SearchMaxLength} characters.")
            .Argument<IdGraphType>("sectionId", a => a.Description = "Only stories in this section (its global id); subsections are not included.")
            .Argument<IdGraphType>("authorId", a => a.Description = "Only stories with this author on the byline (the author's global id).")
            .Argument<DateTimeGraphType>("changedFrom", a => a.Description = "Only stories last saved at or after this time; without an offset it is read as UTC.")
            .Argument<DateTimeGraphType>("changedTo", a => a.Description = "Only stories last saved before this time; without an offset it is read as UTC.")
            .Argument<DateTimeGraphType>("publishedFrom", a => a.Description = "Only stories published (or scheduled) at or after this time; without an offset it is read as UTC.")
            .Argument<BooleanGraphType>("mine", a => a.Description = "When true, only stories the caller created.")
            .Argument<BooleanGraphType>("embargoed", a => a.Description = "When true, only stories under an embargo that has not lifted yet.")
            .Argument<BooleanGraphType>("breakingNow", a => a.Description = "When true, only live stories readers see as breaking now.")
            .ResolveAsync(async c => await c.Service<EditorialArticles>().ListAsync(c.Actor(), FilterOf(c), ArticleListArguments.Page(c), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleRevisionGraphType>>>>("articleRevisions")
            .Description("Every saved revision of a story, newest first. Staff only.")
            .RequirePermission(Permission.ReadDrafts)
            .Argument<NonNullGraphType<IdGraphType>>("articleId", a => a.Description = "The story's global id.")
            .ResolveAsync(async c => await c.Service<ArticleRevisions>().ListAsync(c.Actor(), EditorialArguments.ArticleId(c, "articleId"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RevisionDiffLineGraphType>>>>("articleRevisionDiff")
            .Description("What changed between two revisions of a story, line by line: one line per field, then the body. Staff only.")
            .RequirePermission(Permission.ReadDrafts)
            .Argument<NonNullGraphType<IdGraphType>>("articleId", a => a.Description = "The story's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("fromRevision", a => a.Description = "The revision number to compare from (usually the older).")
            .Argument<NonNullGraphType<IntGraphType>>("toRevision", a => a.Description = "The revision number to compare to (usually the newer).")
            .ResolveAsync(async c => await c.Service<ArticleRevisions>().DiffAsync(
                c.Actor(), EditorialArguments.ArticleId(c, "articleId"), c.GetArgument<int>("fromRevision"), c.GetArgument<int>("toRevision"), c.CancellationToken));
    }

    private static EditorialArticleFilter FilterOf(IResolveFieldContext c) => new(
        Status: c.GetArgument<ArticleStatus?>("status"),
        Search: c.GetArgument<string?>("search"),
        SectionId: GlobalIdArguments.Optional(c.GetArgument<object?>("sectionId"), SectionGraphType.TypeName, "sectionId"),
        AuthorId: GlobalIdArguments.Optional(c.GetArgument<object?>("authorId"), AuthorGraphType.TypeName, "authorId"),
        ChangedFrom: EditorialArguments.Utc(c.GetArgument<object?>("changedFrom")),
        ChangedTo: EditorialArguments.Utc(c.GetArgument<object?>("changedTo")),
        PublishedFrom: EditorialArguments.Utc(c.GetArgument<object?>("publishedFrom")),
        CreatedByUserId: c.GetArgument<bool?>("mine") == true ? c.Actor().UserId : null,
        EmbargoedOnly: c.GetArgument<bool?>("embargoed") == true,
        BreakingOnly: c.GetArgument<bool?>("breakingNow") == true);

    /// <summary>An id that names no article finds nothing, like one that names a deleted story.</summary>
    private static int? GlobalIdOf(IResolveFieldContext context) =>
        Relay.GlobalId.IdOf(context.GetArgument<string>("id"), ArticleGraphType.TypeName);
}
