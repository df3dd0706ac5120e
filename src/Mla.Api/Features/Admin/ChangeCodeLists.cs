using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>Replaces a network's member States.</summary>
public sealed record ChangeNetworkMembersCommand(string Network, IReadOnlyList<string> Members) : ICommand<NetworkDto>;

/// <summary>Replaces the languages in which a State accepts requests, in order of preference.</summary>
public sealed record ChangeStateLanguagesCommand(string State, IReadOnlyList<string> Languages) : ICommand<StateDto>;

public sealed class ChangeNetworkMembersValidator : AbstractValidator<ChangeNetworkMembersCommand>
{
    public ChangeNetworkMembersValidator(IDbSession session) =>
        this.RuleForCodeList(command => command.Members, code => code.MustBeStateCodeForm(), ReferenceCodeList.NetworkMembers, session);
}

public sealed class ChangeStateLanguagesValidator : AbstractValidator<ChangeStateLanguagesCommand>
{
    public ChangeStateLanguagesValidator(IDbSession session) =>
        this.RuleForCodeList(command => command.Languages, code => code.MustBeLanguageCode(), ReferenceCodeList.StateLanguages, session);
}

/// <summary>
/// The two reference code lists an administrator replaces whole (a network's members, a State's
/// languages): the list is replaced and audited by <see cref="ReferenceCodeList"/>, then the owner is
/// answered as the reference queries show it. One handler, because only the list and the owner differ.
/// </summary>
public sealed class ChangeCodeListHandler(IDbSession session, AuditTrail audit, ISender sender)
    : ICommandHandler<ChangeNetworkMembersCommand, NetworkDto>, ICommandHandler<ChangeStateLanguagesCommand, StateDto>
{
    public async ValueTask<NetworkDto> Handle(ChangeNetworkMembersCommand command, CancellationToken cancellationToken)
    {
        var network = command.Network.ToLowerInvariant();
        await ReferenceCodeList.NetworkMembers.ReplaceAsync(session, audit, network, command.Members, cancellationToken);
        return (await sender.Send(new GetNetworksQuery(), cancellationToken)).Single(dto => dto.Code == network);
    }

    public async ValueTask<StateDto> Handle(ChangeStateLanguagesCommand command, CancellationToken cancellationToken)
    {
        var state = command.State.ToUpperInvariant();
        await ReferenceCodeList.StateLanguages.ReplaceAsync(session, audit, state, command.Languages, cancellationToken);
        return (await sender.Send(new GetStatesQuery(), cancellationToken)).Single(dto => dto.Iso3 == state);
    }
}
