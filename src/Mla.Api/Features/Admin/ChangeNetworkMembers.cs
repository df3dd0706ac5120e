using FluentValidation;
using Mediator;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Api.Infrastructure.Validation;

namespace Mla.Api.Features.Admin;

/// <summary>Replaces a network's member States.</summary>
public sealed record ChangeNetworkMembersCommand(string Network, IReadOnlyList<string> Members) : ICommand<NetworkDto>;

public sealed class ChangeNetworkMembersValidator : AbstractValidator<ChangeNetworkMembersCommand>
{
    private const string StateExistsSql = "SELECT COUNT(*) FROM states WHERE iso3 = @code";

    public ChangeNetworkMembersValidator(IDbSession session)
    {
        // A rule stops at its first failure: a null list is reported, never read, and a State in another
        // form than the stored one (upper-case ISO3) is refused rather than looked up or normalised.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Members).NotEmpty()
            .Must(members => members.Distinct().Count() == members.Count).WithMessage("A State is listed twice.");
        RuleForEach(command => command.Members).NotEmpty().MustBeStateCodeForm()
            .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(StateExistsSql, new { code }, ct) == 1)
            .WithMessage("Unknown State.");
    }
}

public sealed class ChangeNetworkMembersHandler(IDbSession session, AuditTrail audit, ISender sender)
    : ICommandHandler<ChangeNetworkMembersCommand, NetworkDto>
{
    private const string NetworkExistsSql = "SELECT COUNT(*) FROM networks WHERE code = @network";

    private const string CurrentSql = "SELECT state_iso3 FROM network_memberships WHERE network_code = @network ORDER BY state_iso3";

    private const string DeleteSql = "DELETE FROM network_memberships WHERE network_code = @network";

    private const string InsertSql = "INSERT INTO network_memberships (network_code, state_iso3) VALUES (@network, @state)";

    public async ValueTask<NetworkDto> Handle(ChangeNetworkMembersCommand command, CancellationToken cancellationToken)
    {
        var network = command.Network.ToLowerInvariant();
        if (await session.ExecuteScalarAsync<long>(NetworkExistsSql, new { network }, cancellationToken) == 0)
        {
            throw new NotFoundException($"No network {network}.");
        }

        var before = await session.QueryAsync<string>(CurrentSql, new { network }, cancellationToken);
        await session.ExecuteAsync(DeleteSql, new { network }, cancellationToken);
        foreach (var state in command.Members)
        {
            await session.ExecuteAsync(InsertSql, new { network, state }, cancellationToken);
        }

        await audit.RecordAsync("change-network-members", "network", network, new { before, after = command.Members }, cancellationToken);
        var networks = await sender.Send(new GetNetworksQuery(), cancellationToken);
        return networks.Single(dto => dto.Code == network);
    }
}
