using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Authors;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Authors;

internal static class AuthorMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuthorGraphType>>("createAuthor")
            .Description("Creates an author, ready for bylines.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<AuthorInputGraphType>>("input", a => a.Description = "The new author.")
            .ResolveAsync(async c => await c.Service<AuthorEditor>().CreateAsync(c.Actor(), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<AuthorGraphType>>("updateAuthor")
            .Description("Replaces every field of an author with the input. CONFLICT with `extensions.currentVersion` when someone saved it since you read `expectedVersion`.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The author's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the author at.")
            .Argument<NonNullGraphType<AuthorInputGraphType>>("input", a => a.Description = "The author's new fields.")
            .ResolveAsync(async c => await c.Service<AuthorEditor>().UpdateAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteAuthor")
            .Description("Deletes an author and returns its id. CONFLICT while any story's byline (drafts included) names the author.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The author's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the author at.")
            .ResolveAsync(async c =>
            {
                await c.Service<AuthorEditor>().DeleteAsync(c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.CancellationToken);
                return c.GetArgument<string>("id");
            });
    }

    private static int IdOf(IResolveFieldContext c) => GlobalIdArguments.Require(c.GetArgument<string>("id"), AuthorGraphType.TypeName, "The author");

    private static AuthorInput InputOf(IResolveFieldContext c)
    {
        var input = InputFields.Of(c, "input");
        return new AuthorInput(
            input.Required<string>("name"),
            input.Text("slug"),
            input.Text("jobTitle"),
            input.Text("bio"),
            GlobalIdArguments.Optional(input["avatarId"], MediaAssetGraphType.TypeName, "avatarId"));
    }
}

public sealed class AuthorInputGraphType : InputObjectGraphType
{
    public AuthorInputGraphType()
    {
        Name = "AuthorInput";
        Description = "An author's fields. An update replaces all of them: send back what you read, changed.";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The name as the byline prints it; at most {Author.NameMaxLength} characters.");
        Field<StringGraphType>("slug").Description("The address of the author's page: lowercase words joined by hyphens. Omitted: made from the name on create, kept on update.");
        Field<StringGraphType>("jobTitle").Description($"The author's role, such as \"Technology correspondent\"; at most {Author.JobTitleMaxLength} characters. Omitted or null clears it.");
        Field<StringGraphType>("bio").Description($"A short biography; at most {Author.BioMaxLength} characters. Omitted or null clears it.");
        Field<IdGraphType>("avatarId").Description("The global id of the author's portrait, a picture from the media library. Omitted or null clears it.");
    }
}
