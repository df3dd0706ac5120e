using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>The requested side assigns the request to an executing authority: to InExecution (also resumes a postponed one).</summary>
public sealed record StartExecutionCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>The court, prosecutor or police unit that executes the request.</summary>
    public string? ExecutingAuthority { get; init; }
}

public sealed class StartExecutionValidator : AbstractValidator<StartExecutionCommand>
{
    public StartExecutionValidator()
    {
        Include(new TransitionCommandValidator());
        RuleFor(c => c.ExecutingAuthority).NotEmpty().MaximumLength(RequestContentInputValidator.ShortText);
    }
}

public sealed class StartExecutionHandler(TransitionRunner runner, IDbSession session, RequestReader reader)
    : ICommandHandler<StartExecutionCommand, RequestDto>
{
    private const string AssignSql = "UPDATE requests SET executing_authority = @authority WHERE id = @id";

    public async ValueTask<RequestDto> Handle(StartExecutionCommand command, CancellationToken cancellationToken)
    {
        var authority = command.ExecutingAuthority!.Trim();
        await runner.RunAsync(command.ToTransition(RequestAction.StartExecution, async (request, _, ct) =>
        {
            await session.ExecuteAsync(AssignSql, new { id = request.Id, authority }, ct);
            return new { executingAuthority = authority };
        }), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
