using Mla.Api.Features.Auth;
using Mla.Domain.Access;

namespace Mla.Api.Features.Notifications;

/// <summary>What moved on the caller's requests since a moment, newest first, a page at a time.</summary>
/// <param name="Since">Events recorded after this instant; by default since the caller last marked their updates read.</param>
/// <param name="Page">1 for the newest events.</param>
/// <param name="PageSize">Events per page, at most 100.</param>
public sealed record ListUpdatesQuery(DateTimeOffset? Since, int Page = 1, int PageSize = 20) : IQuery<UpdatePage>;

/// <param name="Items">The page's events, newest first.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Events per page.</param>
/// <param name="Total">Events since <paramref name="Since"/> in all pages.</param>
/// <param name="Since">The instant the page counts from (the one given, or when the caller last marked updates read).</param>
public sealed record UpdatePage(IReadOnlyList<UpdateDto> Items, int Page, int PageSize, long Total, DateTimeOffset Since);

/// <summary>One event on a request the caller may see: which request, what happened, by which State and role, when.</summary>
public sealed record UpdateDto
{
    public Guid RequestId { get; init; }

    public string? ReferenceNumber { get; init; }

    public RequestKind Kind { get; init; }

    /// <summary>The action recorded (<c>transmit</c>, <c>receipt</c>, <c>add-note</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>The request's status after the event.</summary>
    public RequestStatus Status { get; init; }

    /// <summary>Who acted: a State and a role, never a person's name.</summary>
    public required UpdateActor By { get; init; }

    /// <summary>When it happened in the world, as the user who recorded it said.</summary>
    public DateOnly OccurredOn { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The event's number in the request's timeline.</summary>
    public int SequenceNumber { get; init; }
}

public sealed record UpdateActor(string? State, Role Role);

public sealed class ListUpdatesValidator : AbstractValidator<ListUpdatesQuery>
{
    public ListUpdatesValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListRequestsValidator.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListRequestsValidator.MaxPageSize);
    }
}

public sealed class ListUpdatesHandler(IDbSession session, RequestAccess access, MeReader me) : IQueryHandler<ListUpdatesQuery, UpdatePage>
{
    // Newest first; ties (one instant, several events) broken by request and sequence, so pages are stable.
    private static string PageSql(ISqlDialect dialect) => $"""
        SELECT {EventRequest.Columns}, e.action_code AS {nameof(UpdateRow.Action)}, e.to_status AS {nameof(UpdateRow.Status)},
               e.actor_state AS {nameof(UpdateRow.ActorState)}, e.actor_role AS {nameof(UpdateRow.ActorRole)},
               e.occurred_on AS {nameof(UpdateRow.OccurredOn)}, e.recorded_at AS {nameof(UpdateRow.RecordedAt)},
               e.sequence_number AS {nameof(UpdateRow.SequenceNumber)}
        {UpdateFeed.UpdatesFrom}
        JOIN request_events e ON e.request_id = u.request_id AND e.sequence_number = u.sequence_number
        {UpdateFeed.VisibleSince}
        ORDER BY u.recorded_at DESC, u.request_id DESC, u.sequence_number DESC
        {dialect.Paging()}
        """;

    public async ValueTask<UpdatePage> Handle(ListUpdatesQuery query, CancellationToken cancellationToken)
    {
        var (state, draft) = access.ListScope();
        var since = query.Since ?? await me.UnreadSinceAsync(cancellationToken);
        var parameters = new { state, draft, since, offset = (query.Page - 1) * query.PageSize, limit = query.PageSize };
        var total = await session.ExecuteScalarAsync<long>(UpdateFeed.CountSql, parameters, cancellationToken);
        var rows = await session.QueryAsync<UpdateRow>(PageSql(session.Dialect), parameters, cancellationToken);
        var items = rows.Select(row => new UpdateDto
        {
            RequestId = row.Id,
            ReferenceNumber = row.ReferenceNumber,
            Kind = KebabCode.Parse<RequestKind>(row.Kind),
            Action = row.Action,
            Status = KebabCode.Parse<RequestStatus>(row.Status),
            By = new UpdateActor(row.ActorState, KebabCode.Parse<Role>(row.ActorRole)),
            OccurredOn = row.OccurredOn,
            RecordedAt = row.RecordedAt,
            SequenceNumber = row.SequenceNumber,
        }).ToList();
        return new UpdatePage(items, query.Page, query.PageSize, total, since);
    }

    // The event's request as the feed knows it (its two States are read, unused here), then the event.
    private sealed record UpdateRow : EventRequest
    {
        public required string Action { get; init; }

        public required string Status { get; init; }

        public string? ActorState { get; init; }

        public required string ActorRole { get; init; }

        public DateOnly OccurredOn { get; init; }

        public DateTimeOffset RecordedAt { get; init; }

        public int SequenceNumber { get; init; }
    }
}
