using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Validation;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>The caller's State's requests, newest first, a page at a time.</summary>
/// <param name="Status">A status code, to list only those.</param>
/// <param name="Kind">A kind code, to list only those.</param>
/// <param name="Direction"><c>outgoing</c> (the caller's State requests) or <c>incoming</c> (it is requested).</param>
/// <param name="Page">1 for the newest requests.</param>
/// <param name="PageSize">Requests per page, at most 100.</param>
public sealed record ListRequestsQuery(string? Status, string? Kind, string? Direction, int Page = 1, int PageSize = 20) : IQuery<RequestPage>;

public sealed record RequestPage(IReadOnlyList<RequestSummaryDto> Items, int Page, int PageSize, long Total);

public sealed record RequestSummaryDto
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public RequestKind Kind { get; init; }

    public RequestStatus Status { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    public RequestDirection Direction { get; init; }

    public string? Subject { get; init; }

    public Urgency Urgency { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

public sealed class ListRequestsValidator : AbstractValidator<ListRequestsQuery>
{
    public const int MaxPageSize = 100;

    /// <summary>The last page whose offset fits the engines' 32-bit OFFSET at the largest page size.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public ListRequestsValidator()
    {
        RuleFor(q => q.Status).MustBeOneOf(KebabCode.AllCodes<RequestStatus>()).When(q => q.Status is not null);
        RuleFor(q => q.Kind).MustBeOneOf(KebabCode.AllCodes<RequestKind>()).When(q => q.Kind is not null);
        RuleFor(q => q.Direction).MustBeOneOf(KebabCode.AllCodes<RequestDirection>()).When(q => q.Direction is not null);
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}

public sealed class ListRequestsHandler(IDbSession session, RequestAccess access) : IQueryHandler<ListRequestsQuery, RequestPage>
{
    // The caller's visibility first (RequestAccess), then the filters; a null filter lets everything through.
    private const string Filter = "WHERE " + RequestAccess.VisibleCondition + """

          AND (@status IS NULL OR r.status = @status)
          AND (@kind IS NULL OR r.kind = @kind)
          AND (@direction IS NULL
               OR (@direction = 'outgoing' AND r.requesting_state = @state)
               OR (@direction = 'incoming' AND r.requested_state = @state))
        """;

    private const string CountSql = "SELECT COUNT(*) FROM requests r\n" + Filter;

    private static string ListSql(ISqlDialect dialect) => $"""
        SELECT r.id AS {nameof(SummaryRow.Id)}, r.reference_number AS {nameof(SummaryRow.ReferenceNumber)},
               r.kind AS {nameof(SummaryRow.Kind)}, r.status AS {nameof(SummaryRow.Status)},
               r.requesting_state AS {nameof(SummaryRow.RequestingState)}, r.requested_state AS {nameof(SummaryRow.RequestedState)},
               r.subject AS {nameof(SummaryRow.Subject)}, r.urgency AS {nameof(SummaryRow.Urgency)},
               r.transmitted_on AS {nameof(SummaryRow.TransmittedOn)}, r.created_at AS {nameof(SummaryRow.CreatedAt)},
               r.updated_at AS {nameof(SummaryRow.UpdatedAt)}, r.version AS {nameof(SummaryRow.Version)}
        FROM requests r
        {Filter}
        ORDER BY r.created_at DESC, r.id DESC
        {dialect.Paging()}
        """;

    public async ValueTask<RequestPage> Handle(ListRequestsQuery query, CancellationToken cancellationToken)
    {
        var (state, draft) = access.ListScope();
        var parameters = new
        {
            state,
            draft,
            status = query.Status,
            kind = query.Kind,
            direction = query.Direction,
            offset = (query.Page - 1) * query.PageSize,
            limit = query.PageSize,
        };
        var total = await session.ExecuteScalarAsync<long>(CountSql, parameters, cancellationToken);
        var rows = await session.QueryAsync<SummaryRow>(ListSql(session.Dialect), parameters, cancellationToken);
        var items = rows.Select(r => new RequestSummaryDto
        {
            Id = r.Id,
            ReferenceNumber = r.ReferenceNumber,
            Kind = KebabCode.Parse<RequestKind>(r.Kind),
            Status = KebabCode.Parse<RequestStatus>(r.Status),
            RequestingState = r.RequestingState,
            RequestedState = r.RequestedState,
            Direction = r.RequestingState == state ? RequestDirection.Outgoing : RequestDirection.Incoming,
            Subject = r.Subject,
            Urgency = KebabCode.Parse<Urgency>(r.Urgency),
            TransmittedOn = r.TransmittedOn,
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            Version = r.Version,
        }).ToList();
        return new RequestPage(items, query.Page, query.PageSize, total);
    }

    private sealed record SummaryRow
    {
        public Guid Id { get; init; }

        public string? ReferenceNumber { get; init; }

        public required string Kind { get; init; }

        public required string Status { get; init; }

        public required string RequestingState { get; init; }

        public required string RequestedState { get; init; }

        public string? Subject { get; init; }

        public required string Urgency { get; init; }

        public DateOnly? TransmittedOn { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }
    }
}
