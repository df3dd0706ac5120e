using Mla.Domain.Access;

namespace Mla.Api.Features.Requests;

/// <summary>Builds a <see cref="RequestDto"/> for the caller; commands answer with it too.</summary>
public sealed class RequestReader(RequestAccess access, RequestStore store, ICurrentUser currentUser, UserClock clock)
{
    public async Task<RequestDto> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(id, cancellationToken);
        var row = request.Row;
        var schedule = await store.LoadScheduleAsync(id, cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        return new RequestDto(row)
        {
            Id = row.Id,
            ReferenceNumber = row.ReferenceNumber,
            Origin = row.Origin,
            RegisteredBy = row.Origin == RequestOrigin.Registered
                ? new RegistrationDto(row.RequestedState, row.CreatedBy, await store.UserNameAsync(row.CreatedBy, cancellationToken))
                : null,
            RequestingStateReference = row.RequestingStateReference,
            Status = row.Status,
            Version = row.Version,
            AllowedActions = RequestLifecycle.AllowedActions(request.Kind, request.Status, currentUser.Role, request.Side, request.Context),
            RequestingState = row.RequestingState,
            Direction = request.Side == PartySide.Requesting ? RequestDirection.Outgoing : RequestDirection.Incoming,
            Content = request.Content,
            ClosedOn = row.ClosedOn,
            // Read only where the status says there are some: most reads are of requests under way.
            RefusalGrounds = row.Status == RequestStatus.Refused ? await store.LoadRefusalGroundsAsync(id, cancellationToken) : [],
            ExecutionOutcomes = row.Status is RequestStatus.Executed or RequestStatus.PartiallyExecuted
                ? await store.LoadOutcomesAsync(id, cancellationToken)
                : [],
            Deadlines = schedule.Deadlines(today),
            DaysPending = schedule.DaysPending(today),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }
}
