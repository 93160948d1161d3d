using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Staff;
using NewsCms.Core.Tags;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Tags;

internal static class TagMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TagGraphType>>("createTag")
            .Description("Creates a tag.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<TagInputGraphType>>("input", a => a.Description = "The new tag.")
            .ResolveAsync(async c => await c.Service<TagEditor>().CreateAsync(c.Actor(), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<TagGraphType>>("updateTag")
            .Description("Replaces the fields of a tag with the input. CONFLICT with `extensions.currentVersion` when someone saved it since you read `expectedVersion`.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The tag's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the tag at.")
            .Argument<NonNullGraphType<TagInputGraphType>>("input", a => a.Description = "The tag's new fields.")
            .ResolveAsync(async c => await c.Service<TagEditor>().UpdateAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteTag")
            .Description("Deletes a tag and returns its id. CONFLICT while any story (drafts included) carries it.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The tag's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the tag at.")
            .ResolveAsync(async c =>
            {
                await c.Service<TagEditor>().DeleteAsync(c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.CancellationToken);
                return c.GetArgument<string>("id");
            });
    }

    private static int IdOf(IResolveFieldContext c) => GlobalIdArguments.Require(c.GetArgument<string>("id"), TagGraphType.TypeName, "The tag");

    private static TagInput InputOf(IResolveFieldContext c)
    {
        var input = InputFields.Of(c, "input");
        return new TagInput(input.Required<string>("name"), input.Text("slug"));
    }
}

public sealed class TagInputGraphType : InputObjectGraphType
{
    public TagInputGraphType()
    {
        Name = "TagInput";
        Description = "A tag's fields. An update replaces all of them: send back what you read, changed.";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The tag as readers see it; at most {Tag.NameMaxLength} characters.");
        Field<StringGraphType>("slug").Description("The address of the tag's page: lowercase words joined by hyphens. Omitted: made from the name on create, kept on update.");
    }
}
