namespace Mla.Api.Tests.Features.Reports;

/// <summary>
/// The tables the known set of <see cref="PlenaryReportTest.BuildKnownSetAsync"/> must give for the first half of
/// 2026, in English, cell by cell as CSV and PDF write them, worked out by hand. Delays are nearest-rank: the median
/// of N values is the value at rank ⌈N/2⌉, the 90th percentile at rank ⌈0.9 N⌉.
/// </summary>
internal static class KnownSet
{
    public static readonly IReadOnlyDictionary<string, string[][]> Tables = new Dictionary<string, string[][]>
    {
        // This period: R1-R6. Previous period (2nd half of 2025): R8 alone. Receipt days 4, 7, 10, 10, 30: median
        // rank 3 = 10, 90th rank 5 = 30; previous 10. Execution or decision 19 (R2, 30 paused days left out), 30 (R3),
        // 41 (R1, 10 paused days left out): median rank 2 = 30, 90th rank 3 = 41. Refusals 1 of 3 decided = 33.3 %;
        // partially executed 1 of 2 executed = 50 %. Pending on 30 June 2026: R4, R5, R6, R8 (302 days), R9 (486
        // days); on 31 Dec 2025: R8 (121 days), R9 (305 days).
        ["headline"] =
        [
            ["Requests transmitted", "6", "1"],
            ["of which mutual legal assistance", "4", "1"],
            ["of which extradition", "1", "0"],
            ["of which provisional arrest", "1", "0"],
            ["Urgent requests", "1", "0"],
            ["Days to receipt, median", "10", "10"],
            ["Days to receipt, 90th percentile", "30", "10"],
            ["Days to execution or decision, median", "30", ""],
            ["Days to execution or decision, 90th percentile", "41", ""],
            ["Rounds of additional information", "2", "0"],
            ["Refusal rate (%)", "33.3", ""],
            ["Share partially executed (%)", "50", ""],
            ["Persons surrendered", "1", "0"],
            ["Requests pending", "5", "2"],
            ["Pending over 6 months", "2", "1"],
            ["Pending over 12 months", "1", "0"],
        ],

        // R7 (to Ghana, outside SJCP) and the draft are not counted; the registered R6 is.
        ["matrix"] =
        [
            ["BFA", "SEN", "1", "0", "0", "1"],
            ["MLI", "NER", "0", "1", "0", "1"],
            ["MLI", "SEN", "2", "0", "0", "2"],
            ["NER", "MLI", "1", "0", "0", "1"],
            ["SEN", "MLI", "0", "0", "1", "1"],
        ],

        // Statuses on 30 June: R5 was withdrawn only in July.
        ["status"] =
        [
            ["Transmitted", "1"], ["Received", "1"], ["In execution", "0"], ["Awaiting information", "1"], ["Postponed", "0"],
            ["Executed", "1"], ["Partially executed", "1"], ["Refused", "1"], ["Withdrawn", "0"],
        ],

        // Active days: R6 13 (117 of its 130 days awaiting information), R5 90, R4 121, R8 302, R9 486.
        ["age"] = [["0-30", "1"], ["31-90", "1"], ["91-182", "1"], ["183-365", "1"], ["366+", "1"]],

        ["delays"] =
        [
            ["All", "5", "10", "30", "3", "30", "41"],
            ["Mutual legal assistance", "3", "10", "10", "2", "19", "41"],
            ["Extradition", "1", "7", "7", "1", "30", "30"],
            ["Provisional arrest", "1", "30", "30", "0", "", ""],
        ],

        // January: R1 (10, 41) and R3 (7, 30): medians of two are the lower values. February: R2 (4, 19), R6 (10, none).
        ["delays-by-month"] =
        [
            ["2026-01", "2", "7", "30"],
            ["2026-02", "2", "4", "19"],
            ["2026-03", "1", "30", ""],
            ["2026-04", "1", "", ""],
            ["2026-05", "0", "", ""],
            ["2026-06", "0", "", ""],
        ],

        ["information-rounds"] = [["0", "4"], ["1", "2"], ["2", "0"], ["3+", "0"]],

        ["outcomes"] =
        [
            ["All", "1", "1", "1", "0", "33.3", "50"],
            ["Mutual legal assistance", "0", "1", "1", "0", "50", "100"],
            ["Extradition", "1", "0", "0", "0", "0", "0"],
            ["Provisional arrest", "0", "0", "0", "0", "", ""],
        ],

        ["refusal-grounds"] = [["Mutual legal assistance", "no-dual-criminality", "1"]],

        ["legal-bases"] = [["ecowas-mla-1992", "4"], ["untoc-2000", "3"], ["ecowas-extradition-1994", "2"]],

        ["offence-categories"] =
        [
            ["terrorism-financing", "3"], ["banditry-armed-robbery", "1"], ["kidnapping-for-ransom", "1"], ["migrant-smuggling", "1"],
        ],

        ["urgent"] = [["All", "6", "1"], ["Mutual legal assistance", "4", "0"], ["Extradition", "1", "0"], ["Provisional arrest", "1", "1"]],

        ["surrenders"] = [["NER", "1"]],

        // Requested State: Mali for R4, R5, R8 (over 6 months); Senegal for R6, R9 (over 6 and 12 months).
        ["pending"] = [["MLI", "3", "1", "0"], ["SEN", "2", "1", "1"]],
    };
}
