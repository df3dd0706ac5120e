using Mla.Domain.Progress;

namespace Mla.Api.Features.Reports;

/// <summary>
/// What one period's report learns from the timelines, one request at a time: statuses on the reference date,
/// outcomes, delays (through <see cref="StatusHistory"/>, so paused days never count), rounds of information,
/// and the requests still pending on the reference date with their age.
/// </summary>
internal sealed class PeriodTally(PlenaryPeriod period)
{
    /// <summary>Requests with this many rounds or more share the last row ("3+").</summary>
    public const int MaxRounds = 3;

    private static readonly RequestKind[] Kinds = Enum.GetValues<RequestKind>();

    private readonly List<int>[] _receiptDays = [.. Kinds.Select(_ => new List<int>())];
    private readonly List<int>[] _decisionDays = [.. Kinds.Select(_ => new List<int>())];
    private readonly int[,] _outcomes = new int[Kinds.Length, 4];
    private readonly SortedDictionary<string, (int Transmitted, List<int> Receipt, List<int> Decision)> _months = new(StringComparer.Ordinal);

    public int[] StatusCounts { get; } = new int[Enum.GetValues<RequestStatus>().Length];

    public int[] AgeCounts { get; } = new int[PlenaryFigures.AgeBrackets.Length];

    public int[] RoundCounts { get; } = new int[MaxRounds + 1];

    public int TotalRounds { get; private set; }

    public Dictionary<string, (int Pending, int Over6Months, int Over12Months)> PendingByState { get; } = new(StringComparer.Ordinal);

    public void Add(PlenaryFigures.EventRow request, List<PlenaryFigures.EventRow> events, StatusHistory history)
    {
        var day = period.ReferenceDate;
        var status = StatusOn(events, day);
        if (request.CountedOn <= day && !status.IsFinal())
        {
            AddPending(request, history.ActiveDaysBetween(request.CountedOn, day));
        }

        if (request.CountedOn < period.From || request.CountedOn > period.To)
        {
            return;
        }

        var kind = (int)KebabCode.Parse<RequestKind>(request.Kind);
        StatusCounts[(int)status]++;
        var outcome = status switch
        {
            RequestStatus.Executed => 0,
            RequestStatus.PartiallyExecuted => 1,
            RequestStatus.Refused => 2,
            RequestStatus.Withdrawn => 3,
            _ => -1,
        };
        if (outcome >= 0)
        {
            _outcomes[kind, outcome]++;
        }

        var rounds = Rounds(events, day);
        TotalRounds += rounds;
        RoundCounts[Math.Min(rounds, MaxRounds)]++;

        var month = request.CountedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var inMonth = _months.TryGetValue(month, out var found) ? found : (0, [], []);
        inMonth.Transmitted++;
        if (request.TransmittedOn is { } transmitted)
        {
            if (events.FirstOrDefault(e => e.OccurredOn <= day && e.ToStatus == "received") is { } receipt)
            {
                var days = history.ActiveDaysBetween(transmitted, receipt.OccurredOn);
                _receiptDays[kind].Add(days);
                inMonth.Receipt.Add(days);
            }

            if (events.FirstOrDefault(e => e.OccurredOn <= day && PlenaryFigures.IsExecutionOrDecision(e)) is { } decision)
            {
                var days = history.ActiveDaysBetween(transmitted, decision.OccurredOn);
                _decisionDays[kind].Add(days);
                inMonth.Decision.Add(days);
            }
        }

        _months[month] = inMonth;
    }

    /// <summary>Per kind, <c>all</c> first.</summary>
    public List<DelayDto> Delays()
    {
        var rows = new List<DelayDto> { Delay("all", [.. _receiptDays.SelectMany(d => d)], [.. _decisionDays.SelectMany(d => d)]) };
        rows.AddRange(Kinds.Select(kind => Delay(kind.ToCode(), _receiptDays[(int)kind], _decisionDays[(int)kind])));
        return rows;
    }

    /// <summary>Every month of the period, in order, those without a request included (the line chart's axis).</summary>
    public List<MonthDelayDto> DelaysByMonth()
    {
        var rows = new List<MonthDelayDto>();
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            var code = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            rows.Add(_months.TryGetValue(code, out var found)
                ? new MonthDelayDto(code, found.Transmitted, Median(found.Receipt), Median(found.Decision))
                : new MonthDelayDto(code, 0, null, null));
        }

        return rows;
    }

    /// <summary>Per kind, <c>all</c> first.</summary>
    public List<OutcomeDto> Outcomes()
    {
        var rows = new List<OutcomeDto> { Outcome("all", [.. Enumerable.Range(0, 4).Select(o => Kinds.Sum(k => _outcomes[(int)k, o]))]) };
        rows.AddRange(Kinds.Select(kind => Outcome(kind.ToCode(), [.. Enumerable.Range(0, 4).Select(o => _outcomes[(int)kind, o])])));
        return rows;
    }

    /// <summary>The status in force at the end of <paramref name="day"/>: the last event on or before it. A request
    /// registered on receipt has no event yet between its transmission and its registration: it was Transmitted.</summary>
    private static RequestStatus StatusOn(List<PlenaryFigures.EventRow> events, DateOnly day)
    {
        var status = RequestStatus.Transmitted;
        foreach (var e in events)
        {
            if (e.OccurredOn <= day)
            {
                status = PlenaryFigures.Status(e);
            }
        }

        return status == RequestStatus.Draft ? RequestStatus.Transmitted : status;
    }

    /// <summary>How many times the request entered Awaiting information up to <paramref name="day"/> (a note added
    /// while awaiting repeats the status without starting a round).</summary>
    private static int Rounds(List<PlenaryFigures.EventRow> events, DateOnly day)
    {
        var rounds = 0;
        var previous = "";
        foreach (var e in events.Where(e => e.OccurredOn <= day))
        {
            if (e.ToStatus == "awaiting-information" && previous != "awaiting-information")
            {
                rounds++;
            }

            previous = e.ToStatus;
        }

        return rounds;
    }

    private void AddPending(PlenaryFigures.EventRow request, int age)
    {
        var bracket = Array.FindIndex(PlenaryFigures.AgeBrackets, b => age <= b.UpTo);
        AgeCounts[bracket]++;
        var (pending, over6, over12) = PendingByState.GetValueOrDefault(request.RequestedState);
        PendingByState[request.RequestedState] = (
            pending + 1,
            over6 + (age > PlenaryFigures.SixMonthsDays ? 1 : 0),
            over12 + (age > PlenaryFigures.TwelveMonthsDays ? 1 : 0));
    }

    private static DelayDto Delay(string kind, List<int> receipt, List<int> decision)
    {
        receipt.Sort();
        decision.Sort();
        return new DelayDto(kind, receipt.Count, NearestRank.Percentile(receipt, 50), NearestRank.Percentile(receipt, 90),
            decision.Count, NearestRank.Percentile(decision, 50), NearestRank.Percentile(decision, 90));
    }

    private static int? Median(List<int> days)
    {
        days.Sort();
        return NearestRank.Percentile(days, 50);
    }

    // counts: executed, partially executed, refused, withdrawn.
    private static OutcomeDto Outcome(string kind, int[] counts)
    {
        var decided = counts[0] + counts[1] + counts[2];
        var executed = counts[0] + counts[1];
        return new OutcomeDto(kind, counts[0], counts[1], counts[2], counts[3],
            decided == 0 ? null : Percent(counts[2], decided),
            executed == 0 ? null : Percent(counts[1], executed));
    }

    private static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
