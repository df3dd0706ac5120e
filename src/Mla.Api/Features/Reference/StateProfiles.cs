namespace Mla.Api.Features.Reference;

/// <summary>Each State's accepted languages (in order of preference) and networks, as several reads need them.</summary>
public sealed record StateProfiles(ILookup<string, string> Languages, ILookup<string, string> Networks)
{
    private const string LanguagesSql = $"""
        SELECT state_iso3 AS {nameof(StateCode.State)}, language_code AS {nameof(StateCode.Code)}
        FROM state_languages
        ORDER BY state_iso3, preference
        """;

    private const string NetworksSql = $"""
        SELECT state_iso3 AS {nameof(StateCode.State)}, network_code AS {nameof(StateCode.Code)}
        FROM network_memberships
        ORDER BY state_iso3, network_code
        """;

    public static async Task<StateProfiles> LoadAsync(IDbSession session, CancellationToken cancellationToken)
    {
        var languages = await session.QueryAsync<StateCode>(LanguagesSql, null, cancellationToken);
        var networks = await session.QueryAsync<StateCode>(NetworksSql, null, cancellationToken);
        return new StateProfiles(
            languages.ToLookup(row => row.State, row => row.Code),
            networks.ToLookup(row => row.State, row => row.Code));
    }

    private sealed record StateCode
    {
        public required string State { get; init; }

        public required string Code { get; init; }
    }
}
