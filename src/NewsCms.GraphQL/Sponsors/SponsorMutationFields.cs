using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Sponsors;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Media;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Sponsors;

internal static class SponsorMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SponsorGraphType>>("createSponsor")
            .Description("Creates a sponsor. It shows in the sponsor strip while its active window contains now.")
            .RequirePermission(Permission.ManageSponsors)
            .Argument<NonNullGraphType<SponsorInputGraphType>>("input", a => a.Description = "The new sponsor.")
            .ResolveAsync(async c => await c.Service<SponsorEditor>().CreateAsync(c.Actor(), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<SponsorGraphType>>("updateSponsor")
            .Description("Replaces every field of a sponsor with the input. CONFLICT with `extensions.currentVersion` when someone saved it since you read `expectedVersion`.")
            .RequirePermission(Permission.ManageSponsors)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The sponsor's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the sponsor at.")
            .Argument<NonNullGraphType<SponsorInputGraphType>>("input", a => a.Description = "The sponsor's new fields.")
            .ResolveAsync(async c => await c.Service<SponsorEditor>().UpdateAsync(
                c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), InputOf(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("deleteSponsor")
            .Description("Deletes a sponsor and returns its id. CONFLICT while any story (drafts included) names it as sponsor: end its active window instead.")
            .RequirePermission(Permission.ManageSponsors)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The sponsor's global id.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", a => a.Description = "The `version` you read the sponsor at.")
            .ResolveAsync(async c =>
            {
                await c.Service<SponsorEditor>().DeleteAsync(c.Actor(), IdOf(c), c.GetArgument<int>("expectedVersion"), c.CancellationToken);
                return c.GetArgument<string>("id");
            });
    }

    /// <summary>Read the way story times are, so that a time without an offset means UTC on every server.</summary>
    private static DateTimeOffset? AsUtc(object? value) =>
        EditorialArguments.Utc(value) is { } utc ? new DateTimeOffset(utc, TimeSpan.Zero) : null;

    private static int IdOf(IResolveFieldContext c) => GlobalIdArguments.Require(c.GetArgument<string>("id"), SponsorGraphType.TypeName, "The sponsor");

    private static SponsorInput InputOf(IResolveFieldContext c)
    {
        var input = InputFields.Of(c, "input");
        return new SponsorInput(
            input.Required<string>("name"),
            input.Text("slug"),
            input.Text("websiteUrl"),
            input.Required<SponsorTier>("tier"),
            input.Text("description"),
            AsUtc(input["activeFrom"]),
            AsUtc(input["activeUntil"]),
            input.Required<int>("displayOrder"),
            GlobalIdArguments.Optional(input["logoId"], MediaAssetGraphType.TypeName, "logoId"),
            PlacementsOf(input["placements"]),
            input.Text("trackingUrl"));
    }

    private static SponsorPlacements PlacementsOf(object? value) =>
        value is IEnumerable<object?> placements
            ? placements.OfType<SponsorPlacements>().Aggregate(SponsorPlacements.None, (all, placement) => all | placement)
            : SponsorPlacements.None;
}

public sealed class SponsorInputGraphType : InputObjectGraphType
{
    public SponsorInputGraphType()
    {
        Name = "SponsorInput";
        Description = "A sponsor's fields. An update replaces all of them: send back what you read, changed.";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The sponsor's name; at most {Sponsor.NameMaxLength} characters.");
        Field<StringGraphType>("slug").Description("The sponsor's address within the site: lowercase words joined by hyphens. Omitted: made from the name on create, kept on update.");
        Field<StringGraphType>("websiteUrl").Description("The sponsor's website: an absolute http or https address. Omitted or null clears it.");
        Field<StringGraphType>("trackingUrl")
            .Description($"The link readers' clicks follow instead of the website, such as a campaign address: an absolute http or https address, at most {Sponsor.TrackingUrlMaxLength} characters. Omitted or null clears it, and clicks go to the website.");
        Field<ListGraphType<NonNullGraphType<SponsorPlacementGraphType>>>("placements")
            .Description("Where the sponsor appears; repeats count once. Omitted, null or empty: nowhere in particular, so only the unfiltered `sponsors` list shows it.");
        Field<NonNullGraphType<SponsorTierGraphType>>("tier").Description("The sponsorship level.");
        Field<StringGraphType>("description").Description($"A short description; at most {Sponsor.DescriptionMaxLength} characters. Omitted or null clears it.");
        Field<DateTimeGraphType>("activeFrom").Description("When the sponsor starts showing; a time with an offset is stored in UTC, one without is read as UTC. Null: since always.");
        Field<DateTimeGraphType>("activeUntil").Description("When the sponsor stops showing (exclusive), read as `activeFrom` is; must be after it. Null: until further notice.");
        Field<NonNullGraphType<IntGraphType>>("displayOrder").Description("Position in the sponsor strip; lower comes first.");
        Field<IdGraphType>("logoId").Description("The global id of the sponsor's logo, a picture from the media library. Omitted or null clears it.");
    }
}
