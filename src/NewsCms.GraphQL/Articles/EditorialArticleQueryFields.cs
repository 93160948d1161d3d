using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

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
            .ResolveAsync(async c => await c.Service<EditorialArticles>().ListAsync(
                c.Actor(), c.GetArgument<ArticleStatus?>("status"), ArticleListArguments.Page(c), c.CancellationToken));

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

    /// <summary>An id that names no article finds nothing, like one that names a deleted story.</summary>
    private static int? GlobalIdOf(IResolveFieldContext context) =>
        Relay.GlobalId.IdOf(context.GetArgument<string>("id"), ArticleGraphType.TypeName);
}
