using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain;
using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Records a request the caller's State received outside Mla (by post, diplomatic bag, from a State
/// outside the networks...): it starts at Received, the caller's State being the requested one.
/// </summary>
public sealed record RegisterIncomingRequestCommand : RequestContentInput, ICommand<RequestDto>, IIdempotentCommand
{
    /// <summary>ISO3 of the State that sent the request: any State, in the reference data or not.</summary>
    public string? RequestingState { get; init; }

    /// <summary>The date the request was received.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>The date the requesting State sent it, when known.</summary>
    public DateOnly? TransmittedOn { get; init; }

    /// <summary>How it came: <c>central-authority</c>, <c>diplomatic</c>, <c>interpol</c>...</summary>
    public string? Channel { get; init; }

    /// <summary>The requesting State's own reference, as written on the request.</summary>
    public string? RequestingStateReference { get; init; }

    /// <summary>The caller's own reference for it.</summary>
    public string? RequestedSideReference { get; init; }

    public string? Note { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    string IIdempotentCommand.IdempotencyScope => "";
}

public sealed class RegisterIncomingRequestValidator : AbstractValidator<RegisterIncomingRequestCommand>
{
    public RegisterIncomingRequestValidator(ReferenceCodes codes, TimeProvider time, ICurrentUser currentUser)
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new RequestContentInputValidator(codes, time));
        RuleFor(c => c.RequestingState).NotEmpty().Matches(RequestValidation.Iso3Pattern).WithMessage(RequestValidation.Iso3Message)
            .Must(state => !string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("The requesting State must be another State than yours.");
        RuleFor(c => c.RequestedState).Must(state => state is null || string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("A request you register as received is addressed to your State: leave requestedState out or give your State.");
        RuleFor(c => c.OccurredOn).NotNull().WithMessage("Give the date the request was received (yyyy-MM-dd).");
        RuleFor(c => c.TransmittedOn).Must((c, sent) => sent is null || c.OccurredOn is null || sent <= c.OccurredOn)
            .WithMessage("A request cannot have been sent after it was received.");
        RuleFor(c => c.Channel!).Must(code => KebabCode.TryParse<TransmissionChannel>(code, out _))
            .WithMessage($"Must be one of: {string.Join(", ", KebabCode.AllCodes<TransmissionChannel>())}.").When(c => c.Channel is not null);
        RuleFor(c => c.RequestingStateReference).MaximumLength(200);
        RuleFor(c => c.RequestedSideReference).MaximumLength(200);
        RuleFor(c => c.Note).MaximumLength(RequestValidation.NoteLength);
    }
}

public sealed class RegisterIncomingRequestHandler(
    IDbSession session,
    RequestStore store,
    RequestTimeline timeline,
    ReferenceNumbers numbers,
    TransitionRunner runner,
    RequestAccess access,
    RequestReader reader,
    ICurrentUser currentUser,
    TimeProvider time) : ICommandHandler<RegisterIncomingRequestCommand, RequestDto>
{
    public const string ActionCode = "register-incoming";

    private const string ReceptionSql = """
        UPDATE requests SET transmission_channel = @channel, transmitted_on = @transmittedOn, received_on = @receivedOn,
                            requested_side_reference = @reference
        WHERE id = @id
        """;

    public async ValueTask<RequestDto> Handle(RegisterIncomingRequestCommand command, CancellationToken cancellationToken)
    {
        if (currentUser.Role != Role.CentralAuthority || currentUser.State is not { } state)
        {
            throw new ForbiddenException("Only a central authority registers the requests its State receives.");
        }

        var receivedOn = command.OccurredOn!.Value;
        runner.CheckDate(receivedOn, null);
        var content = command.ToContent(state);
        await access.EnsureSupplementableAsync(content.Supplements, null, cancellationToken);
        var id = Guid.CreateVersion7();
        await store.InsertAsync(id, content, command.RequestingState!, RequestStatus.Received, currentUser.Id, time.GetUtcNow(), cancellationToken);
        await session.ExecuteAsync(ReceptionSql, new
        {
            id,
            channel = command.Channel,
            transmittedOn = command.TransmittedOn,
            receivedOn,
            reference = string.IsNullOrWhiteSpace(command.RequestedSideReference) ? null : command.RequestedSideReference.Trim(),
        }, cancellationToken);
        var number = await numbers.AssignAsync(id, command.RequestingState!, content.Kind, (command.TransmittedOn ?? receivedOn).Year, cancellationToken);
        await timeline.AppendAsync(id, null, ActionCode, null, RequestStatus.Received, receivedOn, command.Note,
            new
            {
                referenceNumber = number.ToString(),
                channel = command.Channel,
                command.RequestingStateReference,
                command.RequestedSideReference,
            },
            cancellationToken);
        return await reader.ReadAsync(id, cancellationToken);
    }
}
