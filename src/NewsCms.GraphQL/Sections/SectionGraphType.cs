using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Routing;
using NewsCms.Core.Sections;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Sections;

public sealed class SectionGraphType : ObjectGraphType<Section>
{
    public const string TypeName = "Section";

    public SectionGraphType()
    {
        Name = TypeName;
        Description = "A desk or topic of the publication. Sections nest.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The section's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The section's address within the site.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The section's URL path on the site; `route(path:)` reads it back.").Resolve(c => ContentPaths.Section(c.Source.Slug));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The section's name as the site shows it.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Description("What the section covers.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<IntGraphType>>("displayOrder").Description("Position among its siblings; lower comes first.").Resolve(c => c.Source.DisplayOrder);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Staff only: the section's version, to send back as `expectedVersion` when changing or deleting it.")
            .RequirePermission(Permission.ReadDrafts)
            .Resolve(c => c.Source.Version);
        Field<SectionGraphType>("parent").Description("The section this one is nested in; null at the top level.")
            .Resolve(c => c.Source.ParentId is { } id ? c.Service<SectionByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("children")
            .Description("The sections nested directly in this one, in display order.")
            .Resolve(c => c.Service<SectionChildrenLoader>().Load(c.Source.Id).Then(children => children ?? []));
        this.AddArticlesField("Published stories of this section and of the sections nested in it, newest first.", section => new ArticleListFilter(SectionSlug: section.Slug));
    }
}
