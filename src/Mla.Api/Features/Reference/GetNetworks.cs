namespace Mla.Api.Features.Reference;

public sealed record GetNetworksQuery : IQuery<IReadOnlyList<NetworkDto>>;

public sealed record NetworkDto
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }

    public int FoundedYear { get; init; }

    public IReadOnlyList<string> Members { get; init; } = [];
}

public sealed class GetNetworksHandler(IDbSession session) : IQueryHandler<GetNetworksQuery, IReadOnlyList<NetworkDto>>
{
    private const string NetworksSql = $"""
        SELECT code AS {nameof(NetworkDto.Code)}, name_en AS {nameof(NetworkDto.Name)}, name_fr AS {nameof(NetworkDto.NameFr)},
               founded_year AS {nameof(NetworkDto.FoundedYear)}
        FROM networks
        ORDER BY code
        """;

    private const string MembersSql = $"""
        SELECT network_code AS {nameof(Membership.Network)}, state_iso3 AS {nameof(Membership.State)}
        FROM network_memberships
        ORDER BY network_code, state_iso3
        """;

    public async ValueTask<IReadOnlyList<NetworkDto>> Handle(GetNetworksQuery query, CancellationToken cancellationToken)
    {
        var networks = await session.QueryAsync<NetworkDto>(NetworksSql, null, cancellationToken);
        var members = (await session.QueryAsync<Membership>(MembersSql, null, cancellationToken)).ToLookup(row => row.Network, row => row.State);
        return networks.Select(network => network with { Members = [.. members[network.Code]] }).ToList();
    }

    private sealed record Membership
    {
        public required string Network { get; init; }

        public required string State { get; init; }
    }
}
