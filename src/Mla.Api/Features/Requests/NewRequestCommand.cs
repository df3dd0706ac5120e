using System.Text.Json.Serialization;
using Mla.Api.Infrastructure.Behaviours;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A command that creates a request from its content (a draft, or a request registered on receipt).
/// Its Idempotency-Key is scoped to the caller alone: there is no request yet to scope it to.
/// </summary>
public abstract record NewRequestCommand : RequestContent, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    string IIdempotentCommand.IdempotencyScope => "";
}

/// <summary>
/// The content of a draft, written by the caller's State (only the requesting State's central
/// authority drafts): its content rules, and a requested State other than the caller's.
/// </summary>
public sealed class DraftContentValidator : AbstractValidator<RequestContent>
{
    public DraftContentValidator(RequestContentValidator content, ICurrentUser currentUser)
    {
        Include(content);
        RuleFor(c => c.RequestedState).NotEmpty()
            .Must(state => !string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("The requested State must be another State than yours.");
    }
}
