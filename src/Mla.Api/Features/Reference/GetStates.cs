using Mediator;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Features.Reference;

public sealed record GetStatesQuery : IQuery<IReadOnlyList<StateDto>>;

public sealed record StateDto
{
    public required string Iso3 { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }

    /// <summary>Languages in which the State accepts requests, in its order of preference.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Networks { get; init; } = [];
}

public sealed class GetStatesHandler(IDbSession session) : IQueryHandler<GetStatesQuery, IReadOnlyList<StateDto>>
{
    private const string StatesSql = """
        SELECT iso3 AS Iso3, name_en AS Name, name_fr AS NameFr
        FROM states
        ORDER BY iso3
        """;

    private const string LanguagesSql = """
        SELECT state_iso3 AS State, language_code AS Code
        FROM state_languages
        ORDER BY state_iso3, preference
        """;

    private const string NetworksSql = """
        SELECT state_iso3 AS State, network_code AS Code
        FROM network_memberships
        ORDER BY state_iso3, network_code
        """;

    public async ValueTask<IReadOnlyList<StateDto>> Handle(GetStatesQuery query, CancellationToken cancellationToken)
    {
        var states = await session.QueryAsync<StateDto>(StatesSql, null, cancellationToken);
        var languages = (await session.QueryAsync<StateCode>(LanguagesSql, null, cancellationToken)).ToLookup(row => row.State, row => row.Code);
        var networks = (await session.QueryAsync<StateCode>(NetworksSql, null, cancellationToken)).ToLookup(row => row.State, row => row.Code);
        return states
            .Select(state => state with { Languages = [.. languages[state.Iso3]], Networks = [.. networks[state.Iso3]] })
            .ToList();
    }

    private sealed record StateCode
    {
        public required string State { get; init; }

        public required string Code { get; init; }
    }
}
