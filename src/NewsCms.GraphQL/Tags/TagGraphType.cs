using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Routing;
using NewsCms.Core.Staff;
using NewsCms.Core.Tags;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Tags;

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public const string TypeName = "Tag";

    public TagGraphType()
    {
        Name = TypeName;
        Description = "A topic that stories across sections share.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The tag's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The tag's address within the site.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The URL path of the tag's page; `route(path:)` reads it back.").Resolve(c => ContentPaths.Tag(c.Source.Slug));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The tag as readers see it.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Staff only: the tag's version, to send back as `expectedVersion` when changing or deleting it.")
            .RequirePermission(Permission.ReadDrafts)
            .Resolve(c => c.Source.Version);
        this.AddArticlesField("Published stories with this tag, newest first.", tag => new ArticleListFilter(TagSlug: tag.Slug));
    }
}
