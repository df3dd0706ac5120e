using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>Replaces the languages in which a State accepts requests, in order of preference.</summary>
public sealed record ChangeStateLanguagesCommand(string State, IReadOnlyList<string> Languages) : ICommand<StateDto>;

public sealed class ChangeStateLanguagesValidator : AbstractValidator<ChangeStateLanguagesCommand>
{
    public ChangeStateLanguagesValidator(IDbSession session) =>
        this.RuleForCodeList(command => command.Languages, code => code.MustBeLanguageCode(), ReferenceCodeList.StateLanguages, session);
}

public sealed class ChangeStateLanguagesHandler(IDbSession session, AuditTrail audit, ISender sender)
    : ICommandHandler<ChangeStateLanguagesCommand, StateDto>
{
    public async ValueTask<StateDto> Handle(ChangeStateLanguagesCommand command, CancellationToken cancellationToken)
    {
        var state = command.State.ToUpperInvariant();
        await ReferenceCodeList.StateLanguages.ReplaceAsync(session, audit, state, command.Languages, cancellationToken);
        var states = await sender.Send(new GetStatesQuery(), cancellationToken);
        return states.Single(dto => dto.Iso3 == state);
    }
}
