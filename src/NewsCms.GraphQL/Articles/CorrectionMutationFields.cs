using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Articles;

/// <summary>Appending is the only write: corrections are a public record, so nothing here edits or removes one.</summary>
internal static class CorrectionMutationFields
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ArticleGraphType>>("appendArticleCorrection")
            .Description("Appends a correction, clarification or update to a story readers can see now, and marks the story updated at that time. CONFLICT for a story that is not live.")
            .RequirePermission(Permission.PublishArticles)
            .Argument<NonNullGraphType<IdGraphType>>("articleId", a => a.Description = "The story's global id.")
            .Argument<NonNullGraphType<CorrectionKindGraphType>>("kind", a => a.Description = "What kind of note it is.")
            .Argument<NonNullGraphType<StringGraphType>>("text", a => a.Description = $"The note as readers will see it, plain text; at most {ArticleCorrection.TextMaxLength} characters.")
            .ResolveAsync(async c => await c.Service<ArticleCorrections>().AppendAsync(
                c.Actor(),
                EditorialArguments.ArticleId(c, "articleId"),
                c.GetArgument<CorrectionKind>("kind"),
                c.GetArgument<string>("text"),
                c.CancellationToken));
}
