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
    private const string StatesSql = $"""
        SELECT iso3 AS {nameof(StateDto.Iso3)}, name_en AS {nameof(StateDto.Name)}, name_fr AS {nameof(StateDto.NameFr)}
        FROM states
        ORDER BY iso3
        """;

    public async ValueTask<IReadOnlyList<StateDto>> Handle(GetStatesQuery query, CancellationToken cancellationToken)
    {
        var states = await session.QueryAsync<StateDto>(StatesSql, null, cancellationToken);
        var profiles = await StateProfiles.LoadAsync(session, cancellationToken);
        return states
            .Select(state => state with { Languages = [.. profiles.Languages[state.Iso3]], Networks = [.. profiles.Networks[state.Iso3]] })
            .ToList();
    }
}
