namespace NewsCms.Core.Sponsors;

public enum SponsorTier
{
    Platinum,
    Gold,
    Silver,
    Bronze,
    Partner,
}
