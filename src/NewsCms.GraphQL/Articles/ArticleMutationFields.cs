using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Articles;

/// <summary>
/// Editorial writes on stories. Each change carries the version it was made on: a stale one is CONFLICT with
/// `extensions.currentVersion`, and nothing is written.
/// </summary>
internal static class ArticleMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("createArticle")
            .Description("Creates a draft owned by the caller. A draft needs only a title and a free, well-formed slug.")
            .RequirePermission(Permission.WriteArticles)
            .Argument<NonNullGraphType<ArticleInputGraphType>>("input", a => a.Description = "The story's content.")
            .ResolveAsync(async c => await c.Service<ArticleEditor>().CreateAsync(c.Actor(), ArticleInputGraphType.DraftOf(c, "input"), c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("updateArticle")
            .Description("Replaces a story's content. Writers change only their own drafts; a live or scheduled story must stay publishable.")
            .RequirePermission(Permission.WriteArticles)
            .Arguments(Target())
            .Argument<NonNullGraphType<ArticleInputGraphType>>("input", a => a.Description = "The story's whole new content.")
            .ResolveAsync(async c => await c.Service<ArticleEditor>().UpdateAsync(
                c.Actor(), Id(c), ExpectedVersion(c), ArticleInputGraphType.DraftOf(c, "input"), c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("submitArticleForReview")
            .Description("Hands a draft to the editors.")
            .RequirePermission(Permission.WriteArticles)
            .Arguments(Target())
            .ResolveAsync(async c => await c.Service<ArticlePublisher>().SubmitForReviewAsync(c.Actor(), Id(c), ExpectedVersion(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("publishArticle")
            .Description("Puts a story live now, keeping its first publication time on republication. While an embargo runs, the story is scheduled for the embargo's end instead.")
            .RequirePermission(Permission.PublishArticles)
            .Arguments(Target())
            .ResolveAsync(async c => await c.Service<ArticlePublisher>().PublishAsync(c.Actor(), Id(c), ExpectedVersion(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("scheduleArticle")
            .Description("Schedules a story to go live by itself at a future time, not before its embargo ends.")
            .RequirePermission(Permission.PublishArticles)
            .Arguments(Target())
            .Argument<NonNullGraphType<DateTimeGraphType>>("at", a => a.Description = "When the story goes live; an offset is honoured and the time stored in UTC.")
            .ResolveAsync(async c => await c.Service<ArticlePublisher>().ScheduleAsync(
                c.Actor(), Id(c), ExpectedVersion(c), EditorialArguments.Utc(c.GetArgument<object>("at"))!.Value, c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("unpublishArticle")
            .Description("Takes a published or scheduled story away from readers; its address stays reserved for it.")
            .RequirePermission(Permission.PublishArticles)
            .Arguments(Target())
            .ResolveAsync(async c => await c.Service<ArticlePublisher>().UnpublishAsync(c.Actor(), Id(c), ExpectedVersion(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("archiveArticle")
            .Description("Retires a story that was published or scheduled: hidden from readers, kept for the record.")
            .RequirePermission(Permission.PublishArticles)
            .Arguments(Target())
            .ResolveAsync(async c => await c.Service<ArticlePublisher>().ArchiveAsync(c.Actor(), Id(c), ExpectedVersion(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteArticle")
            .Description("Erases a story that never went live (a draft or one in review) with its revisions; returns its id. Published stories are unpublished or archived, never erased.")
            .RequirePermission(Permission.WriteArticles)
            .Arguments(Target())
            .ResolveAsync(async c =>
            {
                var id = Id(c);
                await c.Service<ArticleEditor>().DeleteAsync(c.Actor(), id, ExpectedVersion(c), c.CancellationToken);
                return GlobalId.Encode(ArticleGraphType.TypeName, id);
            });

        mutation.Field<NonNullGraphType<EditorialArticleGraphType>>("restoreArticleRevision")
            .Description("Makes an old revision's content current again, as a new revision; the history itself never changes.")
            .RequirePermission(Permission.WriteArticles)
            .Argument<NonNullGraphType<IdGraphType>>("articleId", a => a.Description = "The story's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("revision", a => a.Description = "The number of the revision to bring back.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The story's `version` the change was made on.")
            .ResolveAsync(async c => await c.Service<ArticleRevisions>().RestoreAsync(
                c.Actor(), EditorialArguments.ArticleId(c, "articleId"), c.GetArgument<int>("revision"), ExpectedVersion(c), c.CancellationToken));
    }

    private static QueryArguments Target() => new(
        new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "The story's global id." },
        new QueryArgument<NonNullGraphType<IntGraphType>> { Name = "expectedVersion", Description = "The story's `version` the change was made on." });

    private static int Id(IResolveFieldContext context) => EditorialArguments.ArticleId(context, "id");

    private static int ExpectedVersion(IResolveFieldContext context) => context.GetArgument<int>("expectedVersion");
}
