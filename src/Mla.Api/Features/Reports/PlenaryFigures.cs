using Mla.Domain.Progress;

namespace Mla.Api.Features.Reports;

/// <summary>A reporting period and the day its statuses and pending requests are taken at.</summary>
public sealed record PlenaryPeriod(DateOnly From, DateOnly To, DateOnly ReferenceDate);

/// <summary>
/// Computes the figures of a plenary report. Counts that group well (State pairs, legal bases, offence
/// categories, refusal grounds, surrenders) are counted by the database; what needs a request's timeline
/// (its status on a day, delays without the paused days, rounds of information, age) is computed here from
/// one streamed pass over the timelines. Only codes, dates and ids are read: no column that could hold a
/// person's data or a case's words is ever selected.
/// </summary>
public sealed class PlenaryFigures(IDbSession session)
{
    // Which requests a report is about: transmitted (or registered) ones between two member States of the
    // network, restricted to those @state is party to when it is set.
    private const string Scope = """
        r.status <> 'draft'
          AND r.requesting_state IN (SELECT m.state_iso3 FROM network_memberships m WHERE m.network_code = @network)
          AND r.requested_state IN (SELECT m.state_iso3 FROM network_memberships m WHERE m.network_code = @network)
          AND (@state IS NULL OR r.requesting_state = @state OR r.requested_state = @state)
        """;

    // A request belongs to the period its transmission date falls in; one registered on receipt without the
    // date it was sent, to the period of its receipt.
    private const string CountedOn = "COALESCE(r.transmitted_on, r.received_on)";

    private const string InPeriod = CountedOn + " BETWEEN @from AND @to";

    private const string MatrixSql = $"""
        SELECT r.requesting_state AS {nameof(PairRow.RequestingState)}, r.requested_state AS {nameof(PairRow.RequestedState)},
               r.kind AS {nameof(PairRow.Kind)}, r.urgency AS {nameof(PairRow.Urgency)}, COUNT(*) AS {nameof(PairRow.Requests)}
        FROM requests r
        WHERE {Scope}
          AND {InPeriod}
        GROUP BY r.requesting_state, r.requested_state, r.kind, r.urgency
        """;

    private static readonly string LegalBasesSql = RequestsPerCodeSql("request_legal_bases", "legal_basis_code");

    private static readonly string OffenceCategoriesSql = RequestsPerCodeSql("request_offences", "category_code");

    private const string RefusalGroundsSql = $"""
        SELECT g.applies_to AS {nameof(GroundRow.AppliesTo)}, g.ground_code AS {nameof(GroundRow.Ground)}, COUNT(*) AS {nameof(GroundRow.Refusals)}
        FROM requests r
        JOIN request_refusal_grounds g ON g.request_id = r.id
        WHERE {Scope}
          AND {InPeriod}
          AND r.status = 'refused' AND r.closed_on <= @referenceDate
        GROUP BY g.applies_to, g.ground_code
        """;

    // Persons surrendered in the period, whenever their extradition was requested.
    private const string SurrendersSql = $"""
        SELECT r.requested_state AS {nameof(CodeCountRow.Code)}, COUNT(*) AS {nameof(CodeCountRow.Requests)}
        FROM requests r
        WHERE {Scope}
          AND r.surrendered_on BETWEEN @from AND @to
        GROUP BY r.requested_state
        """;

    // Every event of the requests either period needs: those counted in the previous or this period, and older
    // ones still open at the previous period's reference date (they may be pending at either). One row per
    // event, ordered so that a request's events come together, in their order.
    private const string TimelineSql = $"""
        SELECT r.id AS {nameof(EventRow.RequestId)}, r.kind AS {nameof(EventRow.Kind)}, r.requested_state AS {nameof(EventRow.RequestedState)},
               {CountedOn} AS {nameof(EventRow.CountedOn)}, r.transmitted_on AS {nameof(EventRow.TransmittedOn)},
               e.occurred_on AS {nameof(EventRow.OccurredOn)}, e.to_status AS {nameof(EventRow.ToStatus)}, e.action_code AS {nameof(EventRow.ActionCode)}
        FROM requests r
        JOIN request_events e ON e.request_id = r.id
        WHERE {Scope}
          AND {CountedOn} <= @to
          AND ({CountedOn} >= @previousFrom OR r.closed_on IS NULL OR r.closed_on > @previousReferenceDate)
        ORDER BY r.id, e.sequence_number
        """;

    // Requests counted in the period per code of one of their child rows (legal bases, offence categories): a
    // request with two offences of one category counts once in it.
    private static string RequestsPerCodeSql(string childTable, string codeColumn) => $"""
        SELECT c.{codeColumn} AS {nameof(CodeCountRow.Code)}, COUNT(DISTINCT r.id) AS {nameof(CodeCountRow.Requests)}
        FROM requests r
        JOIN {childTable} c ON c.request_id = r.id
        WHERE {Scope}
          AND {InPeriod}
        GROUP BY c.{codeColumn}
        """;

    private static readonly string ExtraditionDecisionAction = RequestAction.RecordExtraditionDecision.ToCode();

    /// <summary>Age brackets of pending requests, in active days: upper bounds, the last open-ended.</summary>
    internal static readonly (string Code, int UpTo)[] AgeBrackets = [("0-30", 30), ("31-90", 90), ("91-182", 182), ("183-365", 365), ("366+", int.MaxValue)];

    /// <summary>More than this many active days pending is "over 6 months"; more than 365, "over 12 months".</summary>
    internal const int SixMonthsDays = 182;

    internal const int TwelveMonthsDays = 365;

    public async Task<PlenaryReportDto> ComputeAsync(
        string network, string? state, PlenaryPeriod current, PlenaryPeriod previous, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        object Parameters(PlenaryPeriod period) => new { network, state, from = period.From, to = period.To, referenceDate = period.ReferenceDate };

        var pairs = await session.QueryAsync<PairRow>(MatrixSql, Parameters(current), cancellationToken);
        var previousPairs = await session.QueryAsync<PairRow>(MatrixSql, Parameters(previous), cancellationToken);
        var legalBases = await session.QueryAsync<CodeCountRow>(LegalBasesSql, Parameters(current), cancellationToken);
        var offences = await session.QueryAsync<CodeCountRow>(OffenceCategoriesSql, Parameters(current), cancellationToken);
        var grounds = await session.QueryAsync<GroundRow>(RefusalGroundsSql, Parameters(current), cancellationToken);
        var surrenders = await session.QueryAsync<CodeCountRow>(SurrendersSql, Parameters(current), cancellationToken);
        var previousSurrenders = await session.QueryAsync<CodeCountRow>(SurrendersSql, Parameters(previous), cancellationToken);

        var now = new PeriodTally(current);
        var before = new PeriodTally(previous);
        await ReadTimelinesAsync(network, state, current, previous, [now, before], cancellationToken);

        var delays = now.Delays();
        var previousDelays = before.Delays();
        var outcomes = now.Outcomes();
        var previousOutcomes = before.Outcomes();
        return new PlenaryReportDto
        {
            Network = network,
            Scope = state is null ? "network" : "state",
            State = state,
            From = current.From,
            To = current.To,
            ReferenceDate = current.ReferenceDate,
            PreviousFrom = previous.From,
            PreviousTo = previous.To,
            PreviousReferenceDate = previous.ReferenceDate,
            GeneratedAt = generatedAt,
            Headline = Headline(pairs, previousPairs, delays[0], previousDelays[0], outcomes[0], previousOutcomes[0], now, before, surrenders, previousSurrenders),
            Matrix = Matrix(pairs),
            ByStatus = [.. Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Draft).Select(s => new StatusCountDto(s, now.StatusCounts[(int)s]))],
            PendingByAge = [.. AgeBrackets.Select((bracket, i) => new AgeBracketDto(bracket.Code, now.AgeCounts[i]))],
            Delays = delays,
            DelaysByMonth = now.DelaysByMonth(),
            InformationRounds = [.. now.RoundCounts.Select((count, i) => new InformationRoundsDto(i == PeriodTally.MaxRounds ? $"{i}+" : i.ToString(CultureInfo.InvariantCulture), count))],
            Outcomes = outcomes,
            RefusalGrounds = [.. grounds.OrderBy(g => g.AppliesTo, StringComparer.Ordinal).ThenByDescending(g => g.Refusals).ThenBy(g => g.Ground, StringComparer.Ordinal)
                .Select(g => new RefusalGroundCountDto(g.AppliesTo, g.Ground, (int)g.Refusals))],
            LegalBases = [.. Ranked(legalBases).Select(c => new LegalBasisCountDto(c.Code, (int)c.Requests))],
            OffenceCategories = [.. Ranked(offences).Select(c => new OffenceCategoryCountDto(c.Code, (int)c.Requests))],
            Urgent = Urgent(pairs),
            Surrenders = [.. surrenders.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new SurrenderCountDto(s.Code, (int)s.Requests))],
            PendingByRequestedState = [.. now.PendingByState.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new PendingByStateDto(p.Key, p.Value.Pending, p.Value.Over6Months, p.Value.Over12Months))],
        };
    }

    private async Task ReadTimelinesAsync(string network, string? state, PlenaryPeriod current, PlenaryPeriod previous, PeriodTally[] tallies, CancellationToken cancellationToken)
    {
        var parameters = new { network, state, to = current.To, previousFrom = previous.From, previousReferenceDate = previous.ReferenceDate };
        var events = new List<EventRow>();
        await foreach (var row in session.QueryUnbufferedAsync<EventRow>(TimelineSql, parameters, cancellationToken))
        {
            if (events.Count > 0 && events[0].RequestId != row.RequestId)
            {
                Tally(events, tallies);
                events.Clear();
            }

            events.Add(row);
        }

        if (events.Count > 0)
        {
            Tally(events, tallies);
        }
    }

    private static void Tally(List<EventRow> events, PeriodTally[] tallies)
    {
        var request = events[0];
        var history = new StatusHistory(events.Select(e => new StatusChange(e.OccurredOn, Status(e))));
        foreach (var tally in tallies)
        {
            tally.Add(request, events, history);
        }
    }

    internal static RequestStatus Status(EventRow row) => KebabCode.Parse<RequestStatus>(row.ToStatus);

    internal static bool IsExecutionOrDecision(EventRow row) =>
        row.ToStatus is "executed" or "partially-executed" or "refused" || row.ActionCode == ExtraditionDecisionAction;

    private static List<HeadlineFigureDto> Headline(
        IReadOnlyList<PairRow> pairs, IReadOnlyList<PairRow> previousPairs, DelayDto delays, DelayDto previousDelays,
        OutcomeDto outcomes, OutcomeDto previousOutcomes, PeriodTally now, PeriodTally before,
        IReadOnlyList<CodeCountRow> surrenders, IReadOnlyList<CodeCountRow> previousSurrenders)
    {
        static decimal Count(IEnumerable<PairRow> rows) => rows.Sum(r => r.Requests);
        var figures = new List<HeadlineFigureDto> { new("requests", Count(pairs), Count(previousPairs)) };
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var code = kind.ToCode();
            figures.Add(new(code, Count(pairs.Where(p => p.Kind == code)), Count(previousPairs.Where(p => p.Kind == code))));
        }

        figures.Add(new("urgent", Count(pairs.Where(p => p.Urgency == "urgent")), Count(previousPairs.Where(p => p.Urgency == "urgent"))));
        figures.Add(new("receiptMedian", delays.ReceiptMedianDays, previousDelays.ReceiptMedianDays));
        figures.Add(new("receiptP90", delays.ReceiptP90Days, previousDelays.ReceiptP90Days));
        figures.Add(new("decisionMedian", delays.DecisionMedianDays, previousDelays.DecisionMedianDays));
        figures.Add(new("decisionP90", delays.DecisionP90Days, previousDelays.DecisionP90Days));
        figures.Add(new("informationRounds", now.TotalRounds, before.TotalRounds));
        figures.Add(new("refusalRate", outcomes.RefusalRate, previousOutcomes.RefusalRate));
        figures.Add(new("partialShare", outcomes.PartiallyExecutedShare, previousOutcomes.PartiallyExecutedShare));
        figures.Add(new("surrendered", surrenders.Sum(s => s.Requests), previousSurrenders.Sum(s => s.Requests)));
        figures.Add(new("pending", now.PendingByState.Values.Sum(p => p.Pending), before.PendingByState.Values.Sum(p => p.Pending)));
        figures.Add(new("pendingOver6Months", now.PendingByState.Values.Sum(p => p.Over6Months), before.PendingByState.Values.Sum(p => p.Over6Months)));
        figures.Add(new("pendingOver12Months", now.PendingByState.Values.Sum(p => p.Over12Months), before.PendingByState.Values.Sum(p => p.Over12Months)));
        return figures;
    }

    private static List<StatePairDto> Matrix(IReadOnlyList<PairRow> pairs) =>
        [.. pairs.GroupBy(p => (p.RequestingState, p.RequestedState))
            .OrderBy(g => g.Key.RequestingState, StringComparer.Ordinal).ThenBy(g => g.Key.RequestedState, StringComparer.Ordinal)
            .Select(g =>
            {
                int Of(RequestKind kind) => (int)g.Where(p => p.Kind == kind.ToCode()).Sum(p => p.Requests);
                return new StatePairDto(g.Key.RequestingState, g.Key.RequestedState, Of(RequestKind.Mla), Of(RequestKind.Extradition),
                    Of(RequestKind.ProvisionalArrest), (int)g.Sum(p => p.Requests));
            })];

    private static List<UrgentCountDto> Urgent(IReadOnlyList<PairRow> pairs)
    {
        var rows = new List<UrgentCountDto> { new("all", (int)pairs.Sum(p => p.Requests), (int)pairs.Where(p => p.Urgency == "urgent").Sum(p => p.Requests)) };
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var ofKind = pairs.Where(p => p.Kind == kind.ToCode()).ToList();
            rows.Add(new(kind.ToCode(), (int)ofKind.Sum(p => p.Requests), (int)ofKind.Where(p => p.Urgency == "urgent").Sum(p => p.Requests)));
        }

        return rows;
    }

    private static IEnumerable<CodeCountRow> Ranked(IEnumerable<CodeCountRow> rows) =>
        rows.OrderByDescending(r => r.Requests).ThenBy(r => r.Code, StringComparer.Ordinal);

    internal sealed record EventRow
    {
        public Guid RequestId { get; init; }

        public required string Kind { get; init; }

        public required string RequestedState { get; init; }

        public DateOnly CountedOn { get; init; }

        public DateOnly? TransmittedOn { get; init; }

        public DateOnly OccurredOn { get; init; }

        public required string ToStatus { get; init; }

        public required string ActionCode { get; init; }
    }

    private sealed record PairRow
    {
        public required string RequestingState { get; init; }

        public required string RequestedState { get; init; }

        public required string Kind { get; init; }

        public required string Urgency { get; init; }

        public long Requests { get; init; }
    }

    private sealed record CodeCountRow
    {
        public required string Code { get; init; }

        public long Requests { get; init; }
    }

    private sealed record GroundRow
    {
        public required string AppliesTo { get; init; }

        public required string Ground { get; init; }

        public long Refusals { get; init; }
    }
}
