using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>Replaces a network's member States.</summary>
public sealed record ChangeNetworkMembersCommand(string Network, IReadOnlyList<string> Members) : ICommand<NetworkDto>;

public sealed class ChangeNetworkMembersValidator : AbstractValidator<ChangeNetworkMembersCommand>
{
    public ChangeNetworkMembersValidator(IDbSession session) =>
        this.RuleForCodeList(command => command.Members, code => code.MustBeStateCodeForm(), ReferenceCodeList.NetworkMembers, session);
}

public sealed class ChangeNetworkMembersHandler(IDbSession session, AuditTrail audit, ISender sender)
    : ICommandHandler<ChangeNetworkMembersCommand, NetworkDto>
{
    public async ValueTask<NetworkDto> Handle(ChangeNetworkMembersCommand command, CancellationToken cancellationToken)
    {
        var network = command.Network.ToLowerInvariant();
        await ReferenceCodeList.NetworkMembers.ReplaceAsync(session, audit, network, command.Members, cancellationToken);
        var networks = await sender.Send(new GetNetworksQuery(), cancellationToken);
        return networks.Single(dto => dto.Code == network);
    }
}
