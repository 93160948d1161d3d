using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Loading;
using NewsCms.GraphQL.Media;
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
        Field<StringGraphType>("trackingUrl")
            .Description("The link a reader's click on the sponsor should follow: the tracking link staff set, or the website when there is none; null when the sponsor has neither.")
            .Resolve(c => c.Source.TrackingUrl ?? c.Source.WebsiteUrl);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SponsorPlacementGraphType>>>>("placements")
            .Description("Where the sponsor appears; empty when it is placed nowhere in particular.")
            .Resolve(c => SponsorPlacementFlags.Of(c.Source.Placements));
        Field<NonNullGraphType<SponsorTierGraphType>>("tier").Description("The sponsorship level.").Resolve(c => c.Source.Tier);
        Field<StringGraphType>("description").Description("A short description of the sponsor.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<IntGraphType>>("displayOrder").Description("Position in the sponsor strip; lower comes first.").Resolve(c => c.Source.DisplayOrder);
        Field<MediaAssetGraphType>("logo")
            .Description("The sponsor's logo; null when it has none.")
            .Resolve(c => c.Source.LogoMediaId is { } id ? c.Service<MediaAssetByIdLoader>().Load(id) : null);
        Field<DateTimeGraphType>("activeFrom")
            .Description("Staff only: when the sponsor starts showing, in UTC; null means since always.")
            .RequirePermission(Permission.ManageSponsors)
            .Resolve(c => c.Source.ActiveFrom);
        Field<DateTimeGraphType>("activeUntil")
            .Description("Staff only: when the sponsor stops showing (exclusive), in UTC; null means until further notice.")
            .RequirePermission(Permission.ManageSponsors)
            .Resolve(c => c.Source.ActiveUntil);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Staff only: the sponsor's version, to send back as `expectedVersion` when changing or deleting it.")
            .RequirePermission(Permission.ManageSponsors)
            .Resolve(c => c.Source.Version);
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

/// <summary>One placement at a time: the stored flags without their empty "none", which is no place to ask for.</summary>
public sealed class SponsorPlacementGraphType : EnumerationGraphType
{
    public SponsorPlacementGraphType()
    {
        Name = "SponsorPlacement";
        Description = "Where a sponsor appears on the publication's pages and mailings.";
        foreach (var placement in SponsorPlacementFlags.Each)
        {
            var name = placement.ToString();
            Add(name.ToConstantCase(), placement, typeof(SponsorPlacements).GetField(name)!.GetCustomAttribute<DescriptionAttribute>()!.Description);
        }
    }
}
