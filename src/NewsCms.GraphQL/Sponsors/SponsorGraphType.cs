using GraphQL.Types;
using NewsCms.Core.Sponsors;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Sponsors;

public sealed class SponsorGraphType : ObjectGraphType<Sponsor>
{
    public const string TypeName = "Sponsor";

    public SponsorGraphType()
    {
        Name = TypeName;
        Description = "A company that supports the publication: shown in the sponsor strip and on the stories it sponsors.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The sponsor's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The sponsor's address within the site.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The sponsor's name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("websiteUrl").Description("The sponsor's website.").Resolve(c => c.Source.WebsiteUrl);
        Field<NonNullGraphType<SponsorTierGraphType>>("tier").Description("The sponsorship level.").Resolve(c => c.Source.Tier);
        Field<StringGraphType>("description").Description("A short description of the sponsor.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<IntGraphType>>("displayOrder").Description("Position in the sponsor strip; lower comes first.").Resolve(c => c.Source.DisplayOrder);
    }
}

public sealed class SponsorTierGraphType : EnumerationGraphType<SponsorTier>
{
    public SponsorTierGraphType()
    {
        Name = "SponsorTier";
        Description = "The level of a sponsorship, highest first.";
    }
}
