using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Domain;
using Mla.Domain.Access;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

public sealed record GetRequestQuery(Guid RequestId) : IQuery<RequestDto>;

/// <summary>Which way a request goes for the caller's State.</summary>
public enum RequestDirection
{
    Outgoing,
    Incoming,
}

/// <summary>Everything about a request, for a user of one of its two States.</summary>
public sealed record RequestDto
{
    public Guid Id { get; init; }

    /// <summary><c>{ISO3}/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>; null while the request is a draft.</summary>
    public string? ReferenceNumber { get; init; }

    public RequestKind Kind { get; init; }

    public RequestStatus Status { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    public RequestDirection Direction { get; init; }

    /// <summary>Also the ETag: send it back in If-Match.</summary>
    public int Version { get; init; }

    /// <summary>What the caller may do now (kebab-case action codes), so a client knows which buttons to show.</summary>
    public IReadOnlyList<RequestAction> AllowedActions { get; init; } = [];

    public IReadOnlyList<string> LegalBases { get; init; } = [];

    public string? BilateralTreatyName { get; init; }

    public string? Subject { get; init; }

    public AuthorityInput? InvestigatingAuthority { get; init; }

    public string? Facts { get; init; }

    public IReadOnlyList<OffenceInput> Offences { get; init; } = [];

    public IReadOnlyList<PersonInput> Persons { get; init; } = [];

    public IReadOnlyList<AssistanceDto> Assistance { get; init; } = [];

    public string? Purpose { get; init; }

    public Urgency Urgency { get; init; }

    public string? UrgencyReason { get; init; }

    public DateOnly? TimeLimit { get; init; }

    public string? Language { get; init; }

    public bool Confidential { get; init; }

    public Guid? Supplements { get; init; }

    public DecisionInput? Warrant { get; init; }

    public DecisionInput? Judgment { get; init; }

    public ExtraditionPurpose? ExtraditionPurpose { get; init; }

    public string? SentenceRemaining { get; init; }

    public string? EnforceableSentenceProof { get; init; }

    public string? RetrialAvailableInAbsentia { get; init; }

    public bool ExtraditionWillBeRequested { get; init; }

    public TransmissionChannel? TransmissionChannel { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    /// <summary>The requested State's own reference, given at receipt.</summary>
    public string? RequestedSideReference { get; init; }

    public string? ExecutingAuthority { get; init; }

    public ExtraditionDecision? ExtraditionDecision { get; init; }

    public DateOnly? ProvisionalArrestOn { get; init; }

    public DateOnly? SurrenderedOn { get; init; }

    /// <summary>When the request reached a final status.</summary>
    public DateOnly? ClosedOn { get; init; }

    public IReadOnlyList<string> RefusalGrounds { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An assistance item with, once execution is recorded, its outcome.</summary>
public sealed record AssistanceDto(string? Type, string? Description, string? Procedure, ExecutionOutcome? Outcome, string? OutcomeNote);

public sealed class GetRequestHandler(RequestReader reader) : IQueryHandler<GetRequestQuery, RequestDto>
{
    public async ValueTask<RequestDto> Handle(GetRequestQuery query, CancellationToken cancellationToken) =>
        await reader.ReadAsync(query.RequestId, cancellationToken);
}

/// <summary>Builds a <see cref="RequestDto"/> for the caller; commands answer with it too.</summary>
public sealed class RequestReader(RequestAccess access, RequestStore store, ICurrentUser currentUser)
{
    public async Task<RequestDto> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(id, cancellationToken);
        var row = request.Row;
        var content = await store.LoadContentAsync(row, cancellationToken);
        var assistance = await store.LoadAssistanceAsync(id, cancellationToken);
        var grounds = await store.LoadRefusalGroundsAsync(id, cancellationToken);
        return new RequestDto
        {
            Id = row.Id,
            ReferenceNumber = row.ReferenceNumber,
            Kind = request.Kind,
            Status = request.Status,
            RequestingState = row.RequestingState,
            RequestedState = row.RequestedState,
            Direction = request.Side == PartySide.Requesting ? RequestDirection.Outgoing : RequestDirection.Incoming,
            Version = row.Version,
            AllowedActions = RequestLifecycle.AllowedActions(request.Kind, request.Status, currentUser.Role, request.Side, request.Context),
            LegalBases = content.LegalBases,
            BilateralTreatyName = content.BilateralTreatyName,
            Subject = content.Subject,
            InvestigatingAuthority = content.InvestigatingAuthority is { } authority ? new AuthorityInput(authority.Name, authority.Function) : null,
            Facts = content.Facts,
            Offences = [.. content.Offences.Select(o => new OffenceInput(o.Category, o.Description, o.LegalProvision, o.MaxPenalty))],
            Persons = [.. content.Persons.Select(p => new PersonInput(p.Role, p.FullName, p.Nationality, p.DateOfBirth, p.Location, p.IdentityDocument))],
            Assistance = [.. assistance.Select(a => new AssistanceDto(a.Type, a.Description, a.Procedure, ParseOrNull<ExecutionOutcome>(a.Outcome), a.OutcomeNote))],
            Purpose = content.Purpose,
            Urgency = content.Urgency,
            UrgencyReason = content.UrgencyReason,
            TimeLimit = content.TimeLimit,
            Language = content.Language,
            Confidential = content.Confidential,
            Supplements = content.Supplements,
            Warrant = content.Warrant is { } warrant ? new DecisionInput(warrant.IssuingAuthority, warrant.Date, warrant.Reference) : null,
            Judgment = content.Judgment is { } judgment ? new DecisionInput(judgment.IssuingAuthority, judgment.Date, judgment.Reference) : null,
            ExtraditionPurpose = content.ExtraditionPurpose,
            SentenceRemaining = content.SentenceRemaining,
            EnforceableSentenceProof = content.EnforceableSentenceProof,
            RetrialAvailableInAbsentia = content.RetrialAvailableInAbsentia,
            ExtraditionWillBeRequested = content.ExtraditionWillBeRequested,
            TransmissionChannel = ParseOrNull<TransmissionChannel>(row.TransmissionChannel),
            TransmittedOn = row.TransmittedOn,
            ReceivedOn = row.ReceivedOn,
            RequestedSideReference = row.RequestedSideReference,
            ExecutingAuthority = row.ExecutingAuthority,
            ExtraditionDecision = ParseOrNull<ExtraditionDecision>(row.ExtraditionDecision),
            ProvisionalArrestOn = row.ProvisionalArrestOn,
            SurrenderedOn = row.SurrenderedOn,
            ClosedOn = row.ClosedOn,
            RefusalGrounds = grounds,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }

    private static TEnum? ParseOrNull<TEnum>(string? code)
        where TEnum : struct, Enum => code is not null && KebabCode.TryParse<TEnum>(code, out var value) ? value : null;
}
