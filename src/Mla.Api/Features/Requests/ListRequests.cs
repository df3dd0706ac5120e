using System.Diagnostics.CodeAnalysis;
using Dapper;
using Mla.Api.Features.Progress;
using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>How a list is sorted: by one of the request's dates or by its reference number.</summary>
public enum RequestSort
{
    Created,
    Updated,
    Transmitted,
    Received,
    Closed,
    Reference,
}

/// <summary>
/// The caller's State's requests matching every filter given, a page at a time, with the total. A filter
/// not given does not appear in the SQL at all (no <c>@x IS NULL OR ...</c>), so each search is planned
/// for the indexes it can use.
/// </summary>
public sealed record ListRequestsQuery : IQuery<RequestPage>
{
    /// <summary>Status codes: a request in any of them.</summary>
    public IReadOnlyList<string> Status { get; init; } = [];

    /// <summary>Kind codes: a request of any of them.</summary>
    public IReadOnlyList<string> Kind { get; init; } = [];

    /// <summary><c>outgoing</c> (the caller's State requests) or <c>incoming</c> (it is requested).</summary>
    public string? Direction { get; init; }

    public string? RequestingState { get; init; }

    public string? RequestedState { get; init; }

    /// <summary>An offence category code: a request with an offence of that category.</summary>
    public string? Category { get; init; }

    /// <summary>A legal-basis code: a request founded on it.</summary>
    public string? LegalBasis { get; init; }

    public string? Urgency { get; init; }

    public bool? Confidential { get; init; }

    /// <summary><c>any</c>, or a deadline kind code: requests with that deadline past today.</summary>
    public string? Overdue { get; init; }

    public string? CreatedFrom { get; init; }

    public string? CreatedTo { get; init; }

    public string? TransmittedFrom { get; init; }

    public string? TransmittedTo { get; init; }

    /// <summary>Words, each the start of a word of a reference number, the subject or a person's name.</summary>
    public string? Q { get; init; }

    public string? Sort { get; init; }

    /// <summary><c>asc</c> or <c>desc</c> (default <c>desc</c>).</summary>
    public string? Order { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>The <c>next</c> of the previous page (<see cref="PageCursor"/>): the requests after its last one, instead of a page number.</summary>
    public string? After { get; init; }

    /// <summary>The sort asked for (created by default).</summary>
    public RequestSort SortOrDefault => Sort is null ? RequestSort.Created : KebabCode.Parse<RequestSort>(Sort);

    public bool Ascending => Order == "asc";
}

/// <summary>
/// A page of requests. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise more
/// requests match than the count's cap (<c>Search:TotalCap</c>, 1,000) and <see cref="Total"/> is the cap.
/// </summary>
public sealed record RequestPage(IReadOnlyList<RequestSummaryDto> Items, int Page, int PageSize, long Total)
{
    /// <summary>False when more than <see cref="Total"/> requests match (the count stopped at its cap).</summary>
    public bool TotalIsExact { get; init; } = true;

    /// <summary>
    /// When the page is full: give it as <c>after</c> for the requests that follow its last one in the same
    /// order, unmoved by requests added since. Null on a page that is not full (the end).
    /// </summary>
    public string? Next { get; init; }
}

/// <summary>
/// One side of the caller's State: the requests it sent (drafts included) or those sent to it. Together
/// they are <see cref="RequestAccess.VisibleCondition"/>; <see cref="TallyCondition"/> is the same side
/// in <c>request_tallies</c> (which holds no discarded draft). A State never requests itself (the
/// validators refuse it), so no request is on both sides. <see cref="TermsState"/> is the column of
/// <c>request_search_terms</c> holding the side's State: a word is read from that State's terms alone.
/// </summary>
public sealed record RequestSide(string Condition, string TallyCondition, string TermsState)
{
    public static readonly RequestSide Outgoing = new(
        $"r.requesting_state = {RequestAccess.State} AND r.discarded_at IS NULL",
        $"r.requesting_state = {RequestAccess.State}",
        "requesting_state");

    public static readonly RequestSide Incoming = new(
        $"r.requested_state = {RequestAccess.State} AND r.status <> @draft AND r.discarded_at IS NULL",
        $"r.requested_state = {RequestAccess.State} AND r.status <> @draft",
        "requested_state");

    /// <summary>
    /// The request holds a word starting with each of the search's <paramref name="words"/> (<c>@q0</c>, its
    /// end <c>@q0_end</c>, <c>@q1</c>...): for each, a range of the side's State's terms
    /// (<c>ix_request_search_terms_requesting</c> or <c>_requested</c>, migration 0013), never another State's.
    /// The words' requests are intersected before any request is read: each range is read once (a nested
    /// loop over one word's range per request of another, which PostgreSQL chose for two <c>IN</c>, grows
    /// with the product of their matches).
    /// </summary>
    public string HoldsWords(int words) =>
        $"r.id IN ({string.Join(" INTERSECT ", Enumerable.Range(0, words).Select(word =>
            $"SELECT t.request_id FROM request_search_terms t WHERE t.{TermsState} = {RequestAccess.State} AND t.term >= @q{word} AND t.term < @q{word}_end"))})";
}

/// <summary>
/// The conditions of a search on the request aliased <c>r</c> (<see cref="RequestSearch.Filters"/>), and
/// how many words it looks for: the words' condition depends on the side it is read on (<see cref="RequestSide.HoldsWords"/>).
/// <see cref="OverdueColumn"/>, when an overdue deadline is asked for, is kept apart from the other
/// conditions because how it is written decides which index a page reads (<see cref="ReadInSortOrder"/>).
/// </summary>
public sealed record SearchFilters(IReadOnlyList<string> Conditions, int Words)
{
    /// <summary>The due-date column of the overdue deadline searched for (compared with <c>@today</c>), if any.</summary>
    public string? OverdueColumn { get; init; }

    private bool OverdueByIndex { get; init; } = true;

    public SearchFilters And(string condition) => this with { Conditions = [.. Conditions, condition] };

    /// <summary>
    /// The same search, with the overdue condition written so that no engine reads it from its due-date
    /// index, and each side is read in the page's order instead (its sort index, stopping at the end of the
    /// page). For a search the count found dense (more matches than the cap): the due-date index would
    /// hand over every overdue deadline of the side, all to be sorted to serve twenty (the sort grows with
    /// the register), while with that many matches a walk in sort order meets a page's worth after a few
    /// hundred requests. A sparse search keeps the due-date index: a few matches, sorted, are cheaper than
    /// a walk that finds few. <c>COALESCE(x, x)</c> is the one way of hiding a column from the planner that
    /// SQLite, PostgreSQL and SQL Server all accept for dates (no index is on that expression).
    /// </summary>
    public SearchFilters ReadInSortOrder() => this with { OverdueByIndex = false };

    /// <summary>The WHERE clause of the search on <paramref name="side"/>.</summary>
    public string On(RequestSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        IEnumerable<string> conditions = Conditions;
        if (OverdueColumn is { } column)
        {
            conditions = conditions.Append(OverdueByIndex ? $"{column} < @today" : $"COALESCE({column}, {column}) < @today");
        }

        if (Words > 0)
        {
            conditions = conditions.Append(side.HoldsWords(Words));
        }

        return RequestSearch.Where(side.Condition, [.. conditions]);
    }
}

public sealed record RequestSummaryDto : ListedRequestDto
{
    public RequestSummaryDto()
    {
    }

    /// <summary>The request as <paramref name="callerState"/> sees it in a list.</summary>
    [SetsRequiredMembers]
    internal RequestSummaryDto(ListedRequestRow row, string? callerState)
        : base(row)
    {
        Direction = row.DirectionFor(callerState);
    }

    public RequestDirection Direction { get; init; }

    public string? Subject { get; init; }

    public Urgency Urgency { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public string? RequestedSideReference { get; init; }

    /// <summary>The deadlines that run now, earliest first, each <c>overdue</c> once your today is after its due date.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    /// <summary>Days since transmission, not counting days awaiting information or postponed; null for a draft.</summary>
    public int? DaysPending { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

public sealed class ListRequestsValidator : AbstractValidator<ListRequestsQuery>
{
    public const int MaxPageSize = 100;

    /// <summary>The last page whose offset fits the engines' 32-bit OFFSET at the largest page size.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public const int MaxWords = 6;

    public const string Any = "any";

    public static readonly IReadOnlyList<string> OverdueCodes = [Any, .. KebabCode.AllCodes<DeadlineKind>()];

    public static readonly IReadOnlyList<string> Orders = ["asc", "desc"];

    public ListRequestsValidator(ReferenceCodes codes)
    {
        RuleFor(q => q.Status).Must(codes => codes.All(KebabCode.AllCodes<RequestStatus>().Contains))
            .WithMessage(ValidationRules.CodesMessage(KebabCode.AllCodes<RequestStatus>()));
        RuleFor(q => q.Kind).Must(codes => codes.All(KebabCode.AllCodes<RequestKind>().Contains))
            .WithMessage(ValidationRules.CodesMessage(KebabCode.AllCodes<RequestKind>()));
        RuleFor(q => q.Direction).MustBeOneOf(KebabCode.AllCodes<RequestDirection>()).When(q => q.Direction is not null);
        RuleFor(q => q.RequestingState).MustBeStateCodeForm().When(q => q.RequestingState is not null);
        RuleFor(q => q.RequestedState).MustBeStateCodeForm().When(q => q.RequestedState is not null);
        RuleFor(q => q.Category)
            .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).OffenceCategories.Contains(code!)).WithMessage("Unknown offence category.")
            .When(q => q.Category is not null);
        RuleFor(q => q.LegalBasis)
            .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).LegalBases.Contains(code!)).WithMessage("Unknown legal basis.")
            .When(q => q.LegalBasis is not null);
        RuleFor(q => q.Urgency).MustBeOneOf(KebabCode.AllCodes<Urgency>()).When(q => q.Urgency is not null);
        RuleFor(q => q.Overdue).MustBeOneOf(OverdueCodes).When(q => q.Overdue is not null);
        RuleFor(q => q.Sort).MustBeOneOf(KebabCode.AllCodes<RequestSort>()).When(q => q.Sort is not null);
        RuleFor(q => q.Order).MustBeOneOf(Orders).When(q => q.Order is not null);
        RuleFor(q => q.CreatedFrom).Must(BeADate).WithMessage(DateMessage).When(q => q.CreatedFrom is not null);
        RuleFor(q => q.CreatedTo).Must(BeADate).WithMessage(DateMessage).When(q => q.CreatedTo is not null)
            .Must((q, to) => ParseDate(q.CreatedFrom) is not { } from || ParseDate(to) is not { } until || from <= until)
            .WithMessage("Must not be before createdFrom.");
        RuleFor(q => q.TransmittedFrom).Must(BeADate).WithMessage(DateMessage).When(q => q.TransmittedFrom is not null);
        RuleFor(q => q.TransmittedTo).Must(BeADate).WithMessage(DateMessage).When(q => q.TransmittedTo is not null)
            .Must((q, to) => ParseDate(q.TransmittedFrom) is not { } from || ParseDate(to) is not { } until || from <= until)
            .WithMessage("Must not be before transmittedFrom.");
        RuleFor(q => q.Q).MaximumLength(200).MustBeSingleLineText()
            .Must(q => SearchText.Terms(q).Count is > 0 and <= MaxWords).WithMessage($"From 1 to {MaxWords} words of letters or digits.")
            .When(q => q.Q is not null);
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        RuleFor(q => q.Page).Equal(1).WithMessage("Give either page or after, not both.").When(q => q.After is not null);
        RuleFor(q => q.After)
            .Must((q, after) => PageCursor.TryDecode(after) is { } cursor && cursor.Sort == q.SortOrDefault && cursor.Ascending == q.Ascending)
            .WithMessage("Not the next of a page of this sort and order: give the `next` of the previous page, unchanged, with the same sort and order.")
            .When(q => q.After is not null && (q.Sort is null || KebabCode.AllCodes<RequestSort>().Contains(q.Sort)) && (q.Order is null || Orders.Contains(q.Order)));
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }

    private const string DateMessage = "A date as yyyy-MM-dd.";

    private static bool BeADate(string? text) => ParseDate(text) is not null;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

public sealed class ListRequestsHandler(IDbSession session, RequestAccess access, UserClock clock, SearchOptions search) : IQueryHandler<ListRequestsQuery, RequestPage>
{
    private const string SummaryColumns = $"""
        r.urgency AS {nameof(SummaryRow.Urgency)}, r.received_on AS {nameof(SummaryRow.ReceivedOn)},
        r.requested_side_reference AS {nameof(SummaryRow.RequestedSideReference)},
        r.created_at AS {nameof(SummaryRow.CreatedAt)}, r.version AS {nameof(SummaryRow.Version)},
        """ + ListedRequestRow.Columns;

    public async ValueTask<RequestPage> Handle(ListRequestsQuery query, CancellationToken cancellationToken)
    {
        var (state, draft) = access.ListScope();
        var today = await clock.TodayAsync(cancellationToken);
        var (filters, parameters) = RequestSearch.Filters(query, today);
        parameters.Add("state", state);
        parameters.Add("draft", draft);
        var sides = RequestSearch.Sides(query, state);

        var (total, exact) = await CountAsync(query, sides, filters, parameters, cancellationToken);
        // The total counts the whole search; the page starts after the cursor, when one is given.
        // Many matches: the page is read in its sort's order, not from a due-date index (ReadInSortOrder).
        var searched = exact ? filters : filters.ReadInSortOrder();
        var pageFilters = PageCursor.TryDecode(query.After) is { } cursor
            ? searched.And(cursor.Condition(RequestSearch.SortColumn(cursor.Sort), parameters))
            : searched;
        var rows = total == 0 ? [] : await PageAsync(query, sides, pageFilters, parameters, cancellationToken);
        var items = rows.Select(r => new RequestSummaryDto(r, state)
        {
            Subject = r.Subject,
            Urgency = KebabCode.Parse<Urgency>(r.Urgency),
            TransmittedOn = r.TransmittedOn,
            ReceivedOn = r.ReceivedOn,
            ClosedOn = r.ClosedOn,
            RequestedSideReference = r.RequestedSideReference,
            Deadlines = r.Schedule.Deadlines(today),
            DaysPending = r.Schedule.DaysPending(today),
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            Version = r.Version,
        }).ToList();
        return new RequestPage(items, query.Page, query.PageSize, total)
        {
            TotalIsExact = exact,
            Next = items.Count == query.PageSize ? PageCursor.After(items[^1], query.SortOrDefault, query.Ascending).Encode() : null,
        };
    }

    // The exact total from the tallies when the filters are all on a tally's key (State, status, kind):
    // a few rows, whatever the size of the register. Otherwise the matches are counted up to the cap.
    private async Task<(long Total, bool Exact)> CountAsync(
        ListRequestsQuery query, IReadOnlyList<RequestSide> sides, SearchFilters filters, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var countable = RequestSearch.CountableFromTallies(query);
        parameters.Add("count_cap", search.TotalCap + 1);
        long total = 0;
        // One side at a time, as the page reads them (sides never overlap, so their counts add up).
        foreach (var side in sides)
        {
            if (!countable && total > search.TotalCap)
            {
                break; // a count past the cap says no more than that
            }

            total += await session.ExecuteScalarAsync<long>(
                countable ? RequestSearch.TallySumSql(side, filters) : RequestSearch.CappedCountSql(session.Dialect, side, filters), parameters, cancellationToken);
        }

        return countable || total <= search.TotalCap ? (total, true) : (search.TotalCap, false);
    }

    private async Task<IReadOnlyList<SummaryRow>> PageAsync(
        ListRequestsQuery query, IReadOnlyList<RequestSide> sides, SearchFilters filters, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        // After a cursor, the cursor's condition has already skipped what came before: no offset.
        var skipped = query.After is null ? (query.Page - 1) * query.PageSize : 0;
        parameters.Add("offset", skipped);
        parameters.Add("limit", query.PageSize);
        parameters.Add("side_offset", 0);
        parameters.Add("side_limit", skipped + query.PageSize);
        var sql = RequestSearch.PageSql(session.Dialect, query, sides, filters, SummaryColumns);
        return await session.QueryAsync<SummaryRow>(sql, parameters, cancellationToken);
    }

    private sealed record SummaryRow : ListedRequestRow
    {
        public required string Urgency { get; init; }

        public DateOnly? ReceivedOn { get; init; }

        public string? RequestedSideReference { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Version { get; init; }
    }
}

/// <summary>
/// The search's SQL, in one place (for the list, and for whoever measures it): a WHERE clause built from
/// the filters given, each a parameter, and the ORDER BY. Which index serves which filter is written in
/// <c>db/*/0008_progress_tracking.sql</c> and docs/ARCHITECTURE.md.
/// </summary>
public static class RequestSearch
{
    /// <summary>
    /// The sides of the caller's State (<paramref name="state"/>) a search reads: both, unless a direction
    /// is asked for, or a filter on the requesting or requested State leaves a side nothing to match (the
    /// caller's State requested every request it sent, and is requested in every one sent to it): such a
    /// side is not read at all, rather than read in full to find nothing.
    /// </summary>
    public static IReadOnlyList<RequestSide> Sides(ListRequestsQuery query, string state)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outgoing = query.Direction != RequestDirection.Incoming.ToCode()
            && (query.RequestingState is null || query.RequestingState == state) && query.RequestedState != state;
        var incoming = query.Direction != RequestDirection.Outgoing.ToCode()
            && (query.RequestedState is null || query.RequestedState == state) && query.RequestingState != state;
        return [.. new[] { (outgoing, RequestSide.Outgoing), (incoming, RequestSide.Incoming) }.Where(side => side.Item1).Select(side => side.Item2)];
    }

    public static string Where(string side, IReadOnlyList<string> filters) =>
        string.Join("\n  AND ", new[] { side }.Concat(filters));

    /// <summary>True when every filter given is on a column of <c>request_tallies</c>, so the total is a sum of tallies.</summary>
    public static bool CountableFromTallies(ListRequestsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query is
        {
            Category: null, LegalBasis: null, Urgency: null, Confidential: null, Overdue: null, Q: null,
            CreatedFrom: null, CreatedTo: null, TransmittedFrom: null, TransmittedTo: null,
        };
    }

    /// <summary>The exact number of matches of one side, from the tallies (aliased <c>r</c> as the requests are; never words).</summary>
    public static string TallySumSql(RequestSide side, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(filters);
        return $"SELECT COALESCE(SUM(r.requests), 0) FROM request_tallies r WHERE {Where(side.TallyCondition, filters.Conditions)}";
    }

    /// <summary>The number of matches on one side, counted no further than <c>@count_cap</c>.</summary>
    public static string CappedCountSql(ISqlDialect dialect, RequestSide side, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(filters);
        return $"SELECT COUNT(*) FROM (SELECT r.id FROM requests r WHERE {filters.On(side)} {dialect.FirstRows("@count_cap")}) x";
    }

    /// <summary>A page of <paramref name="columns"/> of the search's matches on <paramref name="sides"/>, as <see cref="SidesPageSql"/> reads it.</summary>
    public static string PageSql(ISqlDialect dialect, ListRequestsQuery query, IReadOnlyList<RequestSide> sides, SearchFilters filters, string columns)
    {
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(filters);
        return SidesPageSql(dialect, [.. sides.Select(filters.On)], Order(query), columns);
    }

    /// <summary>
    /// A page (<c>@offset</c>, <c>@limit</c>) of <paramref name="columns"/> of the requests aliased <c>r</c>
    /// matching any of <paramref name="sides"/> (WHERE clauses that never match the same request), in
    /// <paramref name="order"/>. Each side reads its own index in the page's order and stops at the end of
    /// the page (<c>@side_offset</c>, <c>@side_limit</c>); the sides are then merged. One condition with OR
    /// between the sides would make every engine read and sort all the matches to serve twenty. A side
    /// sorted on a column that may be empty is read in two branches, the requests with a value then those
    /// without (<see cref="SearchOrder.Branches"/>), so that each is in its index's order (a "nulls last"
    /// expression in ORDER BY is in no index). Only ids and sort values are sorted and paged (from an index
    /// alone when one covers the conditions, as <c>ix_requests_{requesting,requested}_by_status</c> covers a
    /// State and its statuses); the rows are read for the page's ids alone, a deferred join: a sort that
    /// must see every match (several statuses are several ranges of the index) then holds index entries,
    /// not whole rows.
    /// </summary>
    public static string SidesPageSql(ISqlDialect dialect, IReadOnlyList<string> sides, SearchOrder order, string columns)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(order);
        var branches = sides.SelectMany(order.Branches).ToList();
        string Ids((string Where, bool Empty) branch, string paging) =>
            $"SELECT r.id AS {SearchOrder.PageIdColumn}, {order.Columns(branch.Empty)}\nFROM requests r\nWHERE {branch.Where}\nORDER BY {order.Inner}\n{paging}";
        var page = branches.Count == 1
            ? Ids(branches[0], dialect.Paging())
            : "SELECT * FROM (\n" + string.Join("\nUNION ALL\n", branches.Select((branch, i) => $"SELECT * FROM ({Ids(branch, dialect.Paging("@side_offset", "@side_limit"))}) side{i}"))
              + $") sides\nORDER BY {order.Outer}\n{dialect.Paging()}";
        return $"SELECT {columns}\nFROM ({page}) page\nJOIN requests r ON r.id = page.{SearchOrder.PageIdColumn}\nORDER BY {order.Outer}";
    }

    /// <summary>
    /// The conditions of the filters given, each on the request aliased <c>r</c> with its parameters;
    /// which side of the caller's State (<see cref="Sides"/>) is added by the caller.
    /// </summary>
    public static (SearchFilters Filters, DynamicParameters Parameters) Filters(ListRequestsQuery query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters();
        List<string> conditions = [];
        string? overdueColumn = null;

        In("r.status", "status", query.Status);
        In("r.kind", "kind", query.Kind);
        // A State's code is cast to the column's type, as RequestAccess.State explains.
        Equal("r.requesting_state", "requesting_state", query.RequestingState, "CAST(@requesting_state AS char(3))");
        Equal("r.requested_state", "requested_state", query.RequestedState, "CAST(@requested_state AS char(3))");
        Equal("r.urgency", "urgency", query.Urgency);
        if (query.Confidential is { } confidential)
        {
            Equal("r.confidential", "confidential", confidential);
        }

        if (query.Category is not null)
        {
            conditions.Add("EXISTS (SELECT 1 FROM request_offences o WHERE o.request_id = r.id AND o.category_code = @category)");
            parameters.Add("category", query.Category);
        }

        if (query.LegalBasis is not null)
        {
            conditions.Add("EXISTS (SELECT 1 FROM request_legal_bases b WHERE b.request_id = r.id AND b.legal_basis_code = @legal_basis)");
            parameters.Add("legal_basis", query.LegalBasis);
        }

        if (query.Overdue is { } overdue)
        {
            var column = overdue == ListRequestsValidator.Any
                ? RequestStore.NextDueColumn
                : RequestStore.DueColumn(KebabCode.Parse<DeadlineKind>(overdue));
            overdueColumn = $"r.{column}";
            parameters.Add("today", today);
        }

        // Dates of creation are instants: a day runs from midnight UTC.
        if (ListRequestsValidator.ParseDate(query.CreatedFrom) is { } createdFrom)
        {
            conditions.Add("r.created_at >= @created_from");
            parameters.Add("created_from", new DateTimeOffset(createdFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        if (ListRequestsValidator.ParseDate(query.CreatedTo) is { } createdTo)
        {
            conditions.Add("r.created_at < @created_before");
            parameters.Add("created_before", new DateTimeOffset(createdTo.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        if (ListRequestsValidator.ParseDate(query.TransmittedFrom) is { } transmittedFrom)
        {
            conditions.Add("r.transmitted_on >= @transmitted_from");
            parameters.Add("transmitted_from", transmittedFrom);
        }

        if (ListRequestsValidator.ParseDate(query.TransmittedTo) is { } transmittedTo)
        {
            conditions.Add("r.transmitted_on <= @transmitted_to");
            parameters.Add("transmitted_to", transmittedTo);
        }

        // Each word typed must start a word of the request: a range of terms, read on each side from its
        // State's terms (RequestSide.HoldsWords).
        var words = query.Q is null ? [] : SearchText.Terms(query.Q);
        for (var i = 0; i < words.Count; i++)
        {
            parameters.Add($"q{i}", words[i]);
            parameters.Add($"q{i}_end", words[i][..^1] + (char)(words[i][^1] + 1));
        }

        return (new SearchFilters(conditions, words.Count) { OverdueColumn = overdueColumn }, parameters);

        // Parameters listed one by one: Dapper would pass a list to PostgreSQL as one array parameter.
        void In(string column, string parameter, IReadOnlyList<string> values)
        {
            var distinct = values.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 0)
            {
                conditions.Add($"{column} IN ({string.Join(", ", distinct.Select((_, i) => $"@{parameter}{i}"))})");
                for (var i = 0; i < distinct.Count; i++)
                {
                    parameters.Add($"{parameter}{i}", distinct[i]);
                }
            }
        }

        void Equal(string column, string parameter, object? value, string? typedParameter = null)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = {typedParameter ?? "@" + parameter}");
                parameters.Add(parameter, value);
            }
        }
    }

    /// <summary>The order of a page of the search: the column sorted by (<see cref="SearchOrder"/>).</summary>
    public static SearchOrder Order(ListRequestsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sort = query.SortOrDefault;
        return Order(SortKey(sort).Column, nullable: sort is not (RequestSort.Created or RequestSort.Updated), query.Ascending);
    }

    /// <inheritdoc cref="SearchOrder"/>
    public static SearchOrder Order(string column, bool nullable, bool ascending) => new(column, nullable, ascending);

    /// <summary>The column of the request aliased <c>r</c> that <paramref name="sort"/> orders by.</summary>
    public static string SortColumn(RequestSort sort) => SortKey(sort).Column;

    /// <summary>The value <paramref name="sort"/> orders by, on a request of a page (for the cursor after it).</summary>
    public static object? SortValue(RequestSort sort, RequestSummaryDto request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SortKey(sort).Value(request);
    }

    // Each sort's column beside the same value on a listed request, so the two cannot drift apart.
    private static (string Column, Func<RequestSummaryDto, object?> Value) SortKey(RequestSort sort) => sort switch
    {
        RequestSort.Created => ("r.created_at", r => r.CreatedAt),
        RequestSort.Updated => ("r.updated_at", r => r.UpdatedAt),
        RequestSort.Transmitted => ("r.transmitted_on", r => r.TransmittedOn),
        RequestSort.Received => ("r.received_on", r => r.ReceivedOn),
        RequestSort.Closed => ("r.closed_on", r => r.ClosedOn),
        RequestSort.Reference => ("r.reference_number", r => r.ReferenceNumber),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}

/// <summary>
/// The order of a page: <see cref="Column"/>, then the id in the same direction, so rows that tie are
/// always in the same order and no row is on two pages. Requests without a <see cref="Nullable"/> column's
/// value come last: they are read in a branch of their own (<see cref="Branches"/>), each branch in its
/// index's order. <see cref="Columns"/> selects the sort values under the names that the merge of the
/// branches and the page's rows order by (<see cref="Outer"/>); <see cref="Inner"/> orders one branch.
/// </summary>
public sealed record SearchOrder(string Column, bool Nullable, bool Ascending)
{
    /// <summary>The alias of the request's id in the ids a page is sorted and paged by, before its rows are read.</summary>
    public const string PageIdColumn = "page_id";

    private string Direction => Ascending ? "ASC" : "DESC";

    /// <summary>The branches a side is read in: with the column's value, then (when it may be empty) without.</summary>
    public IEnumerable<(string Where, bool Empty)> Branches(string side) =>
        Nullable ? [($"{side} AND {Column} IS NOT NULL", false), ($"{side} AND {Column} IS NULL", true)] : [(side, false)];

    public string Columns(bool empty) => $"{(empty ? 1 : 0)} AS sort_nulls, {Column} AS sort_value";

    /// <summary>
    /// The order of one branch. The branch without values orders by the (empty) column too: it changes
    /// nothing, but it is the order of the index on (State, column, id), which PostgreSQL would not see
    /// from "column IS NULL" alone (it walked the primary key over every request instead: 2 s at 1,000,000).
    /// </summary>
    public string Inner => $"{Column} {Direction}, r.id {Direction}";

    public string Outer => $"sort_nulls, sort_value {Direction}, {PageIdColumn} {Direction}";
}
