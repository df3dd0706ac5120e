namespace Mla.Api.Features.Requests;

/// <summary>
/// A lifecycle step once begun: the request as it was read, the status it goes to, and the event it
/// will record. <see cref="Request"/> is null for a step that creates the request.
/// </summary>
public sealed record RequestStep(
    Guid RequestId,
    AccessibleRequest? Request,
    RequestAction Action,
    RequestStatus? From,
    RequestStatus To,
    DateOnly OccurredOn,
    string? Note,
    EventRow? Previous)
{
    /// <summary>The request's version once this step has claimed it (the claim adds one).</summary>
    public int VersionAfter => (Request?.Row.Version ?? 0) + 1;
}

/// <summary>
/// How every lifecycle handler runs its step, top to bottom:
/// <list type="number">
/// <item><see cref="BeginAsync(TransitionCommand, RequestAction, CancellationToken)"/>: find the request
/// (404), require If-Match (428) and compare it (412: preconditions first, RFC 9110 §13.2.2), ask the
/// lifecycle table (403, 409 with the allowed actions, 422 for an impossible outcome), check the date
/// against the user's today and the previous event (400). Reads only: no write lock is held yet.</item>
/// <item>the handler's own checks, then <see cref="ClaimAsync"/>: status, version and what the step
/// records in one statement, which fails (412) if anyone else moved the request since it was read;
/// then the handler's own writes;</item>
/// <item><see cref="RecordAsync"/>, the step's last write: the chained event, sealing the digest of the
/// request's whole record as the step left it, and the request's head.</item>
/// </list>
/// <see cref="CompleteAsync"/> claims and records at once, for steps that only set columns.
/// </summary>
public sealed class RequestSteps(
    RequestAccess access,
    RequestStore store,
    RequestTimeline timeline,
    RequestReader reader,
    ICurrentUser currentUser,
    UserClock clock,
    TimeProvider time,
    IRequestEventListener listener)
{
    private const string ChangedMessage = "The request has changed since you read it: reload it and try again.";

    public Task<RequestStep> BeginAsync(TransitionCommand command, RequestAction action, CancellationToken cancellationToken) =>
        BeginAsync(command.RequestId, command.ExpectedVersion, action, command.OccurredOn, command.Note, null, null, cancellationToken);

    /// <summary>Begins RecordExecution, whose status follows from the outcome of each assistance item.</summary>
    public Task<RequestStep> BeginAsync(TransitionCommand command, IReadOnlyCollection<ExecutionOutcome> outcomes, CancellationToken cancellationToken) =>
        BeginAsync(command.RequestId, command.ExpectedVersion, RequestAction.RecordExecution, command.OccurredOn, command.Note, outcomes, null, cancellationToken);

    /// <summary>Begins RecordExtraditionDecision, whose status follows from the decision.</summary>
    public Task<RequestStep> BeginAsync(TransitionCommand command, ExtraditionDecision decision, CancellationToken cancellationToken) =>
        BeginAsync(command.RequestId, command.ExpectedVersion, RequestAction.RecordExtraditionDecision, command.OccurredOn, command.Note, null, decision, cancellationToken);

    /// <summary>Begins a step on a draft (update, discard): it happens today.</summary>
    public Task<RequestStep> BeginAsync(Guid requestId, int? expectedVersion, RequestAction action, CancellationToken cancellationToken) =>
        BeginAsync(requestId, expectedVersion, action, null, null, null, null, cancellationToken);

    /// <summary>Begins a step that creates a request (a draft, or one registered as received): who may, and its date.</summary>
    public async Task<RequestStep> BeginCreationAsync(RequestAction action, RequestStatus to, DateOnly? occurredOn, string? note, CancellationToken cancellationToken)
    {
        ThrowIfDenied(RequestLifecycle.DecideCreation(action, currentUser.Role));
        if (currentUser.State is null)
        {
            throw new ForbiddenException("Only users of a State create requests.");
        }

        var date = occurredOn ?? await clock.TodayAsync(cancellationToken);
        await CheckDateAsync(date, null, cancellationToken);
        return new RequestStep(Guid.CreateVersion7(), null, action, null, to, date, note, null);
    }

    /// <summary>
    /// Writes the request a creation step begun: its row and content in the step's status, created by the
    /// caller, now. What the creation records comes after (<see cref="RecordAsync"/>).
    /// </summary>
    public Task InsertAsync(RequestStep step, RequestContent content, string requestingState, RequestOrigin origin, CancellationToken cancellationToken) =>
        store.InsertAsync(step.RequestId, content, requestingState, step.To, origin, currentUser.Id, time.GetUtcNow(), cancellationToken);

    /// <summary>Moves the request to the step's status, with what the step records (412 if another writer came first).</summary>
    public async Task ClaimAsync(RequestStep step, RequestProgress progress, CancellationToken cancellationToken)
    {
        var request = step.Request ?? throw new InvalidOperationException("A creation has nothing to claim.");
        var closedOn = step.To.IsFinal() && !request.Status.IsFinal() ? step.OccurredOn : (DateOnly?)null;
        if (!await store.TryClaimAsync(request.Id, request.Row.Version, step.To, closedOn, progress, time.GetUtcNow(), cancellationToken))
        {
            throw new PreconditionFailedException(ChangedMessage);
        }
    }

    /// <summary>
    /// Appends the step's event, sealed by the chain, with what it recorded (<paramref name="payload"/>)
    /// and the digest of the request's record as the step left it (read back in the step's transaction,
    /// after its writes: nothing may be written to the record after this). Then moves the request's head,
    /// and tells the listener (updates and notices, outside the record, in the same transaction).
    /// </summary>
    public async Task RecordAsync(RequestStep step, object? payload, CancellationToken cancellationToken)
    {
        var record = await store.ReadRecordAsync(step.RequestId, cancellationToken)
            ?? throw new InvalidOperationException("The step's request is gone from its own transaction.");
        var chained = await timeline.AppendAsync(step.RequestId, step.Previous, step.Action.ToCode(), step.From, step.To, step.OccurredOn, step.Note, payload, record.Digest, cancellationToken);
        await store.SetHeadAsync(step.RequestId, chained.Hash, cancellationToken);
        await listener.EventRecordedAsync(chained.Event, cancellationToken);
    }

    /// <summary>
    /// <see cref="ClaimAsync"/> then <see cref="RecordAsync"/>, for a step that only sets columns; answers
    /// the request as the caller now sees it.
    /// </summary>
    public async Task<RequestDto> CompleteAsync(RequestStep step, RequestProgress progress, object? payload, CancellationToken cancellationToken)
    {
        await ClaimAsync(step, progress, cancellationToken);
        await RecordAsync(step, payload, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }

    private async Task<RequestStep> BeginAsync(
        Guid requestId,
        int? expectedVersion,
        RequestAction action,
        DateOnly? occurredOn,
        string? note,
        IReadOnlyCollection<ExecutionOutcome>? outcomes,
        ExtraditionDecision? extraditionDecision,
        CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(requestId, cancellationToken);
        if (expectedVersion is not { } expected)
        {
            throw new PreconditionRequiredException("Send If-Match with the request's current ETag.");
        }

        if (request.Row.Version != expected)
        {
            throw new PreconditionFailedException(ChangedMessage);
        }

        var decision = action switch
        {
            RequestAction.RecordExecution => RequestLifecycle.Decide(request.Kind, request.Status, outcomes!, currentUser.Role, request.Side, request.Context),
            RequestAction.RecordExtraditionDecision => RequestLifecycle.Decide(request.Kind, request.Status, extraditionDecision!.Value, currentUser.Role, request.Side, request.Context),
            _ => RequestLifecycle.Decide(request.Kind, request.Status, action, currentUser.Role, request.Side, request.Context),
        };
        ThrowIfDenied(decision);

        var previous = await timeline.LastAsync(request.Id, cancellationToken);
        var date = occurredOn ?? await clock.TodayAsync(cancellationToken);
        await CheckDateAsync(date, previous, cancellationToken);
        return new RequestStep(request.Id, request, action, request.Status, decision.TargetStatus ?? request.Status, date, note, previous);
    }

    private async Task CheckDateAsync(DateOnly occurredOn, EventRow? previous, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var elsewhere = previous is not null && !string.Equals(previous.ActorState, currentUser.State, StringComparison.Ordinal);
        if (TransitionDate.Check(occurredOn, today, previous?.OccurredOn, elsewhere) is { } error)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["occurredOn"] = [error] });
        }
    }

    /// <summary>The lifecycle table's refusal as a problem: 403 for a role that never may, 409 with the allowed actions, 422.</summary>
    public static void ThrowIfDenied(LifecycleDecision decision)
    {
        if (decision.IsAllowed)
        {
            return;
        }

        IReadOnlyList<string> allowed = [.. decision.AllowedActions.Select(action => action.ToCode())];
        var message = decision.Message ?? "This action is not allowed.";
        throw decision.Denial switch
        {
            DenialReason.RoleNeverAllowed => new ForbiddenException(message),
            DenialReason.InvalidOutcome => new UnprocessableException(message, new Dictionary<string, object?> { ["allowedActions"] = allowed }),
            _ => new ConflictException(message, allowed),
        };
    }
}
