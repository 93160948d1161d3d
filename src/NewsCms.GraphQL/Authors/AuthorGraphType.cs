using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Authors;
using NewsCms.Core.Routing;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Authors;

public sealed class AuthorGraphType : ObjectGraphType<Author>
{
    public const string TypeName = "Author";

    public AuthorGraphType()
    {
        Name = TypeName;
        Description = "A journalist or contributor who writes for the publication.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The author's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The author's address within the site.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The URL path of the author's page; `route(path:)` reads it back.").Resolve(c => ContentPaths.Author(c.Source.Slug));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name as the byline prints it.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("jobTitle").Description("The author's role, such as \"Technology correspondent\".").Resolve(c => c.Source.JobTitle);
        Field<StringGraphType>("bio").Description("A short biography.").Resolve(c => c.Source.Bio);
        Field<MediaAssetGraphType>("avatar")
            .Description("The author's portrait; null when there is none.")
            .Resolve(c => c.Source.AvatarMediaId is { } id ? c.Service<MediaAssetByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Staff only: the author's version, to send back as `expectedVersion` when changing or deleting it.")
            .RequirePermission(Permission.ReadDrafts)
            .Resolve(c => c.Source.Version);
        this.AddArticlesField("Published stories with this author in the byline, newest first.", author => new ArticleListFilter(AuthorSlug: author.Slug));
    }
}
