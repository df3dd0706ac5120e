using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

public sealed record GetRequestQuery(Guid RequestId) : IQuery<RequestDto>;

/// <summary>Which way a request goes for the caller's State.</summary>
public enum RequestDirection
{
    Outgoing,
    Incoming,
}

/// <summary>
/// Everything about a request, for a user of one of its two States: what it says (<see cref="Content"/>,
/// the same shape a draft is written in), beside where it stands in its lifecycle.
/// </summary>
public sealed record RequestDto : RequestStepValues
{
    public RequestDto()
    {
    }

    /// <summary>A request answered with the values its steps recorded (<see cref="RequestStepValues"/>) as stored.</summary>
    internal RequestDto(RequestStepValues recorded)
        : base(recorded)
    {
    }

    public Guid Id { get; init; }

    /// <summary>
    /// In the requesting State's outgoing register, <c>{ISO3}/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>, given at
    /// transmission; for a request registered on receipt, in the registering State's incoming register,
    /// <c>{ISO3}/IN/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>. Null while the request is a draft.
    /// </summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>
    /// <c>drafted</c>: written and transmitted through Mla by the requesting State; <c>registered</c>: sent
    /// outside Mla and registered by the requested State on receipt (see <see cref="RegisteredBy"/>).
    /// </summary>
    public RequestOrigin Origin { get; init; }

    /// <summary>For a registered request: the State and the user who registered it; null otherwise.</summary>
    public RegistrationDto? RegisteredBy { get; init; }

    /// <summary>For a registered request: the requesting State's own reference, as written on the request.</summary>
    public string? RequestingStateReference { get; init; }

    public RequestStatus Status { get; init; }

    /// <summary>Also the ETag: send it back in If-Match.</summary>
    public int Version { get; init; }

    /// <summary>What the caller may do now, so a client knows which buttons to show.</summary>
    public IReadOnlyList<RequestAction> AllowedActions { get; init; } = [];

    public required string RequestingState { get; init; }

    public RequestDirection Direction { get; init; }

    /// <summary>What the requesting central authority wrote: kind, requested State, legal bases, facts, persons...</summary>
    public required RequestContent Content { get; init; }

    /// <summary>When the request reached a final status.</summary>
    public DateOnly? ClosedOn { get; init; }

    public IReadOnlyList<string> RefusalGrounds { get; init; } = [];

    /// <summary>
    /// The deadlines that run now, earliest first, computed from the timeline and the configured figures:
    /// <c>receipt</c> (while transmitted), <c>status-update</c> (while received or in execution),
    /// <c>time-limit</c> (the requesting State's own), <c>provisional-arrest</c> (from the arrest to the
    /// surrender). Each is <c>overdue</c> once your State's today is after its due date; none runs on a draft
    /// or a final request.
    /// </summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    /// <summary>Days since transmission (to the close for a final request), not counting days awaiting information or postponed; null for a draft.</summary>
    public int? DaysPending { get; init; }

    /// <summary>Once execution is recorded: the outcome of each assistance item (<see cref="AssistanceOutcomeDto.Item"/> indexes <c>content.assistance</c>).</summary>
    public IReadOnlyList<AssistanceOutcomeDto> ExecutionOutcomes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Who registered a request received outside Mla: the registering (requested) State, and the user, named as on the timeline.</summary>
public sealed record RegistrationDto(string State, Guid UserId, string? Name);

/// <summary>The outcome of the assistance item at index <paramref name="Item"/> of the request's content.</summary>
public sealed record AssistanceOutcomeDto(int Item, ExecutionOutcome Outcome, string? Note);

public sealed class GetRequestHandler(RequestReader reader) : IQueryHandler<GetRequestQuery, RequestDto>
{
    public async ValueTask<RequestDto> Handle(GetRequestQuery query, CancellationToken cancellationToken) =>
        await reader.ReadAsync(query.RequestId, cancellationToken);
}
