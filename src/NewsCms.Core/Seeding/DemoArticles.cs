namespace NewsCms.Core.Seeding;

/// <summary>
/// The demo stories, one file each so that the text reads like copy rather than code. Each story is a property, not
/// a field, because the order in which static fields of a partial class initialise across files is not defined.
/// </summary>
internal static partial class DemoArticles
{
    public static IReadOnlyList<DemoArticle> All =>
    [
        AiDefenceTalks,
        PasskeysAdoption,
        MarketsWeek,
        InstantPaymentsExplainer,
        RevenueBasedFinance,
        AiRulesCompliance,
        OfficeRefits,
        SummitCallForSpeakers,
        DraftBankResults,
        ScheduledSummitProgramme,
    ];
}
