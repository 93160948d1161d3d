using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Http;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Articles;

internal static class PreviewQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<ArticleGraphType>("articlePreview")
            .Description(
                "The story behind a preview link, in any status, as readers will see it; no sign-in needed. A story " +
                "without a publication time shows the current time. A malformed, altered, expired or revoked token, " +
                "or a story still under embargo, is a VALIDATION error on \"token\" whose message says which.")
            .Argument<NonNullGraphType<StringGraphType>>("token", a => a.Description = "The token from createPreviewToken.")
            .ResolveAsync(async c =>
            {
                c.MarkPrivate();
                return await c.Service<ArticlePreviews>().OpenAsync(c.GetArgument<string>("token"), c.CancellationToken);
            });
}

internal static class PreviewMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StringGraphType>>("createPreviewToken")
            .Description(
                "Issues a signed preview token for one story, whatever its status, to pass to articlePreview. Writers " +
                "may preview only stories they created. The token stops working when it expires or is revoked.")
            .Argument<NonNullGraphType<IdGraphType>>("articleId", a => a.Description = "The story's global id.")
            .Argument<IntGraphType>("expiresInMinutes", a => a.Description =
                $"Minutes until the token expires, from {ArticlePreviews.MinMinutes} to {ArticlePreviews.MaxMinutes} (a week); {ArticlePreviews.DefaultMinutes} when omitted.")
            .RequirePermission(Permission.ReadDrafts)
            .ResolveAsync(async c =>
            {
                var issued = await c.Service<ArticlePreviews>().CreateAsync(
                    c.Actor(), ArticleIdOf(c.GetArgument<string>("articleId")), c.GetArgument<int?>("expiresInMinutes"), c.CancellationToken);
                return issued.Token;
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("revokePreviewToken")
            .Description(
                "Ends a preview token before it expires: your own, or anyone's if you may edit any article. True when " +
                "this call revoked it, false when it already was. A malformed or altered token is a VALIDATION error.")
            .Argument<NonNullGraphType<StringGraphType>>("token", a => a.Description = "The token to revoke.")
            .RequirePermission(Permission.ReadDrafts)
            .ResolveAsync(async c => await c.Service<ArticlePreviews>().RevokeAsync(c.Actor(), c.GetArgument<string>("token"), c.CancellationToken));
    }

    private static int ArticleIdOf(string globalId) => GlobalIdArguments.Require(globalId, ArticleGraphType.TypeName, "The article");
}
