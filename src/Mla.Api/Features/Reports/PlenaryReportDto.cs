using Mla.Documents.Reports;

namespace Mla.Api.Features.Reports;

/// <summary>
/// A network's plenary report for a period: counts, rates, durations, State codes and coded categories only
/// (see docs/REPORTS.md for what each table counts). Nothing in it names a person, a fact or a case.
/// </summary>
public sealed record PlenaryReportDto : PlenaryReportHeading
{
    /// <summary><c>network</c> (every request between member States) or <c>state</c> (those <see cref="PlenaryReportHeading.State"/> is party to).</summary>
    public required string Scope { get; init; }

    public DateOnly PreviousReferenceDate { get; init; }

    public IReadOnlyList<HeadlineFigureDto> Headline { get; init; } = [];

    public IReadOnlyList<StatePairDto> Matrix { get; init; } = [];

    public IReadOnlyList<StatusCountDto> ByStatus { get; init; } = [];

    public IReadOnlyList<AgeBracketDto> PendingByAge { get; init; } = [];

    public IReadOnlyList<DelayDto> Delays { get; init; } = [];

    public IReadOnlyList<MonthDelayDto> DelaysByMonth { get; init; } = [];

    public IReadOnlyList<InformationRoundsDto> InformationRounds { get; init; } = [];

    public IReadOnlyList<OutcomeDto> Outcomes { get; init; } = [];

    public IReadOnlyList<RefusalGroundCountDto> RefusalGrounds { get; init; } = [];

    public IReadOnlyList<LegalBasisCountDto> LegalBases { get; init; } = [];

    public IReadOnlyList<OffenceCategoryCountDto> OffenceCategories { get; init; } = [];

    public IReadOnlyList<UrgentCountDto> Urgent { get; init; } = [];

    public IReadOnlyList<SurrenderCountDto> Surrenders { get; init; } = [];

    public IReadOnlyList<PendingByStateDto> PendingByRequestedState { get; init; } = [];
}

/// <summary>A headline figure of this period beside the same figure of the previous one (null: no value, e.g. no delay measured).</summary>
public sealed record HeadlineFigureDto(string Figure, decimal? Current, decimal? Previous);

public sealed record StatePairDto(string RequestingState, string RequestedState, int Mla, int Extradition, int ProvisionalArrest, int Total);

public sealed record StatusCountDto(RequestStatus Status, int Requests);

/// <summary>Pending requests whose age (active days since transmission) falls in a bracket: <c>0-30</c> ... <c>366+</c>.</summary>
public sealed record AgeBracketDto(string Bracket, int Requests);

/// <summary>Days to receipt and to execution or decision, per kind (<c>all</c> first): how many were measured, median, 90th percentile.</summary>
public sealed record DelayDto(string Kind, int Received, int? ReceiptMedianDays, int? ReceiptP90Days, int Decided, int? DecisionMedianDays, int? DecisionP90Days);

public sealed record MonthDelayDto(string Month, int Transmitted, int? ReceiptMedianDays, int? DecisionMedianDays);

/// <summary>Requests that went through <c>Rounds</c> requests for information (<c>0</c>, <c>1</c>, <c>2</c>, <c>3+</c>).</summary>
public sealed record InformationRoundsDto(string Rounds, int Requests);

/// <summary>Outcomes per kind (<c>all</c> first); rates in percent, one decimal, null when nothing was decided.</summary>
public sealed record OutcomeDto(string Kind, int Executed, int PartiallyExecuted, int Refused, int Withdrawn, decimal? RefusalRate, decimal? PartiallyExecutedShare);

public sealed record RefusalGroundCountDto(string AppliesTo, string Ground, int Refusals);

public sealed record LegalBasisCountDto(string LegalBasis, int Requests);

public sealed record OffenceCategoryCountDto(string Category, int Requests);

public sealed record UrgentCountDto(string Kind, int Requests, int Urgent);

public sealed record SurrenderCountDto(string RequestedState, int PersonsSurrendered);

public sealed record PendingByStateDto(string RequestedState, int Pending, int Over6Months, int Over12Months);
