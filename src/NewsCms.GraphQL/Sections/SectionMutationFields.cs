using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sections;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Sections;

internal static class SectionMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SectionGraphType>>("createSection")
            .Description("Creates a section. It shows in the public tree at once.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<SectionInputGraphType>>("input", a => a.Description = "The new section.")
            .ResolveAsync(async c => await c.Service<SectionEditor>().CreateAsync(c.Actor(), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<SectionGraphType>>("updateSection")
            .Description("Replaces every field of a section with the input. CONFLICT with `extensions.currentVersion` when someone saved it since you read `expectedVersion`.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The section's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the section at.")
            .Argument<NonNullGraphType<SectionInputGraphType>>("input", a => a.Description = "The section's new fields.")
            .ResolveAsync(async c => await c.Service<SectionEditor>().UpdateAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteSection")
            .Description("Deletes a section and returns its id. CONFLICT while any story (drafts included) or subsection is still in it.")
            .RequirePermission(Permission.ManageTaxonomy)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The section's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the section at.")
            .ResolveAsync(async c =>
            {
                await c.Service<SectionEditor>().DeleteAsync(c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.CancellationToken);
                return c.GetArgument<string>("id");
            });
    }

    private static int IdOf(IResolveFieldContext c) => GlobalIdArguments.Require(c.GetArgument<string>("id"), SectionGraphType.TypeName, "The section");

    private static SectionInput InputOf(IResolveFieldContext c)
    {
        var input = InputFields.Of(c, "input");
        return new SectionInput(
            input.Required<string>("name"),
            input.Text("slug"),
            input.Text("description"),
            GlobalIdArguments.Optional(input["parentId"], SectionGraphType.TypeName, "parentId"),
            input.Required<int>("displayOrder"));
    }
}

public sealed class SectionInputGraphType : InputObjectGraphType
{
    public SectionInputGraphType()
    {
        Name = "SectionInput";
        Description = "A section's fields. An update replaces all of them: send back what you read, changed.";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The name as the site shows it; at most {Section.NameMaxLength} characters.");
        Field<StringGraphType>("slug").Description("The address within the site: lowercase words joined by hyphens. Omitted: made from the name on create, kept on update.");
        Field<StringGraphType>("description").Description($"What the section covers; at most {Section.DescriptionMaxLength} characters. Omitted or null clears it.");
        Field<IdGraphType>("parentId").Description("The global id of the section to nest this one in; null for the top level. A section cannot be nested in itself or below itself.");
        Field<NonNullGraphType<IntGraphType>>("displayOrder").Description("Position among its siblings; lower comes first.");
    }
}
