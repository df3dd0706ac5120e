using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A request row read with its stored schedule columns (kept in step by <see cref="RequestStore"/>, selected
/// by <see cref="RequestStore.ScheduleColumns"/>), from which its deadlines and pending days follow: the base
/// of the list's and the dashboard's rows. It is a <see cref="RequestSchedule"/>, so the schedule's columns
/// are declared once, in the domain.
/// </summary>
public abstract record ScheduledRow : RequestSchedule
{
    public RequestSchedule Schedule => this;
}

/// <summary>
/// A request as a list shows it (the search, the dashboard): what it is, between which States, its last
/// change and its stored schedule, read from the request aliased <c>r</c> by <see cref="Columns"/>.
/// </summary>
public abstract record ListedRequestRow : ScheduledRow
{
    public const string Columns = $"""
        r.id AS {nameof(Id)}, r.reference_number AS {nameof(ReferenceNumber)}, r.kind AS {nameof(Kind)}, r.status AS {nameof(Status)},
        r.requesting_state AS {nameof(RequestingState)}, r.requested_state AS {nameof(RequestedState)},
        r.subject AS {nameof(Subject)}, r.updated_at AS {nameof(UpdatedAt)},
        """ + RequestStore.ScheduleColumns;

    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the request is one <paramref name="state"/> sent or one sent to it.</summary>
    public RequestDirection DirectionFor(string? state) =>
        RequestingState == state ? RequestDirection.Outgoing : RequestDirection.Incoming;
}
