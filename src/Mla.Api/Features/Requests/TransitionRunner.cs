using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// What every lifecycle command carries: the request (route), the version the client last saw
/// (If-Match), an optional Idempotency-Key, and in its body the date the step happened in the world
/// and an optional note.
/// </summary>
public abstract record TransitionCommand : IIdempotentCommand
{
    [JsonIgnore]
    public Guid RequestId { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>When the step happened in the world: not in the future, not before the previous event.</summary>
    public DateOnly? OccurredOn { get; init; }

    public string? Note { get; init; }

    string IIdempotentCommand.IdempotencyScope => RequestId.ToString("D");

    /// <summary>This command, addressed to a request, with the headers of the HTTP request that carried it.</summary>
    public ICommand<RequestDto> For(Guid requestId, int? expectedVersion, string? idempotencyKey) =>
        (ICommand<RequestDto>)(this with { RequestId = requestId, ExpectedVersion = expectedVersion, IdempotencyKey = idempotencyKey });

    /// <summary>The step this command asks for (its body validated, so <see cref="OccurredOn"/> is set).</summary>
    public Transition ToTransition(
        RequestAction action,
        Func<AccessibleRequest, RequestStatus, CancellationToken, Task<object?>>? apply = null,
        Func<AccessibleRequest, LifecycleDecision>? decide = null) =>
        new(RequestId, ExpectedVersion, action, OccurredOn ?? throw new InvalidOperationException("The body was not validated."), Note, decide, apply);
}

/// <summary>The rules every transition body shares; each command's validator includes them.</summary>
public sealed class TransitionCommandValidator : AbstractValidator<TransitionCommand>
{
    public TransitionCommandValidator()
    {
        RuleFor(c => c.OccurredOn).NotNull().WithMessage("Give the date this happened (yyyy-MM-dd).");
        RuleFor(c => c.Note).MaximumLength(RequestValidation.NoteLength);
    }
}

/// <summary>One step of a request's life, as the runner is asked to make it.</summary>
/// <param name="RequestId">The request (from the route).</param>
/// <param name="ExpectedVersion">The version named by If-Match; null when absent (428).</param>
/// <param name="Action">The lifecycle action; its code is the event's action code.</param>
/// <param name="OccurredOn">When the step happened in the world.</param>
/// <param name="Note">The user's note, recorded on the event.</param>
/// <param name="Decide">The lifecycle decision; by default the table's decision for <paramref name="Action"/>.</param>
/// <param name="Apply">
/// Checks and writes specific to the step, run once the request is held: it may still refuse (400, 422),
/// and everything is then rolled back. Returns the event's payload (what the step recorded), or null.
/// </param>
public sealed record Transition(
    Guid RequestId,
    int? ExpectedVersion,
    RequestAction Action,
    DateOnly OccurredOn,
    string? Note,
    Func<AccessibleRequest, LifecycleDecision>? Decide = null,
    Func<AccessibleRequest, RequestStatus, CancellationToken, Task<object?>>? Apply = null);

/// <summary>
/// Runs a lifecycle step the same way for every command, inside the command's transaction: finds the
/// request through <see cref="RequestAccess"/> (404), requires If-Match (428), asks the lifecycle table
/// (403, 409 with the allowed actions, 422), compares versions (412), checks the date against today and
/// the previous event (400), then bumps the version only if nobody else did meanwhile (412 otherwise),
/// applies the step, and appends the chained event. All or nothing.
/// </summary>
public sealed class TransitionRunner(IDbSession session, RequestAccess access, RequestTimeline timeline, ICurrentUser currentUser, TimeProvider time)
{
    // The version is compared again in the UPDATE itself: of two writers holding the same ETag, the
    // second waits for the first's row lock and then matches nothing.
    private const string ClaimSql = """
        UPDATE requests SET status = @status, version = version + 1, updated_at = @now, closed_on = @closedOn
        WHERE id = @id AND version = @expected
        """;

    public async Task<AccessibleRequest> RunAsync(Transition transition, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(transition.RequestId, cancellationToken);
        if (transition.ExpectedVersion is not { } expected)
        {
            throw new PreconditionRequiredException("Send If-Match with the request's current ETag.");
        }

        var decision = transition.Decide?.Invoke(request)
            ?? RequestLifecycle.Decide(request.Kind, request.Status, transition.Action, currentUser.Role, request.Side, request.Context);
        ThrowIfDenied(decision);
        if (request.Row.Version != expected)
        {
            throw new PreconditionFailedException("The request has changed since you read it: reload it and try again.");
        }

        var previous = await timeline.LastAsync(request.Id, cancellationToken);
        CheckDate(transition.OccurredOn, previous);

        var to = decision.TargetStatus ?? request.Status;
        var claimed = await session.ExecuteAsync(ClaimSql, new
        {
            id = request.Id,
            expected,
            status = to.ToCode(),
            now = time.GetUtcNow(),
            closedOn = to.IsFinal() ? transition.OccurredOn : request.Row.ClosedOn,
        }, cancellationToken);
        if (claimed == 0)
        {
            throw new PreconditionFailedException("The request has changed since you read it: reload it and try again.");
        }

        var payload = transition.Apply is null ? null : await transition.Apply(request, to, cancellationToken);
        await timeline.AppendAsync(request.Id, previous, transition.Action.ToCode(), request.Status, to, transition.OccurredOn, transition.Note, payload, cancellationToken);
        return request;
    }

    /// <summary>The date check of every event, the first one included (<paramref name="previous"/> null).</summary>
    public void CheckDate(DateOnly occurredOn, EventRow? previous)
    {
        if (TransitionDate.Check(occurredOn, RequestValidation.Today(time), previous?.OccurredOn) is { } error)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["occurredOn"] = [error] });
        }
    }

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
