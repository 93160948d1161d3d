using System.ComponentModel;

namespace NewsCms.Core.Sponsors;

// The descriptions travel into the public schema, where frontends read what each tier means.
public enum SponsorTier
{
    [Description("Headline sponsor: first in every strip.")]
    Platinum,

    [Description("Major sponsor.")]
    Gold,

    [Description("Supporting sponsor.")]
    Silver,

    [Description("Contributing sponsor.")]
    Bronze,

    [Description("Media, community or event partner.")]
    Partner,
}
