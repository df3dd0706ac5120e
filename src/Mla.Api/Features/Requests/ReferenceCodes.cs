using System.Collections.Frozen;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The reference-data codes a request may use, read once per HTTP request (validators check many fields
/// against them). Administrators change reference data at run time, so nothing is cached longer.
/// </summary>
public sealed class ReferenceCodes(IDbSession session)
{
    private const string LegalBasesSql = "SELECT code FROM legal_bases WHERE is_active = @active";

    private const string OffenceCategoriesSql = "SELECT code FROM offence_categories";

    private const string PersonRolesSql = "SELECT code FROM person_roles";

    private const string AssistanceTypesSql = "SELECT code FROM assistance_types";

    private const string RefusalGroundsSql = $"""
        SELECT applies_to AS {nameof(GroundRow.AppliesTo)}, code AS {nameof(GroundRow.Code)}
        FROM refusal_grounds
        """;

    private const string StateLanguagesSql = """
        SELECT language_code FROM state_languages WHERE state_iso3 = @state ORDER BY preference
        """;

    private Task<CodeSets>? _sets;

    public Task<CodeSets> GetAsync(CancellationToken cancellationToken) => _sets ??= LoadAsync(cancellationToken);

    /// <summary>Languages the State accepts requests in; empty for a State outside the reference data.</summary>
    public Task<IReadOnlyList<string>> LanguagesAcceptedByAsync(string state, CancellationToken cancellationToken) =>
        session.QueryAsync<string>(StateLanguagesSql, new { state }, cancellationToken);

    private async Task<CodeSets> LoadAsync(CancellationToken cancellationToken)
    {
        var grounds = await session.QueryAsync<GroundRow>(RefusalGroundsSql, null, cancellationToken);
        return new CodeSets(
            (await session.QueryAsync<string>(LegalBasesSql, new { active = true }, cancellationToken)).ToFrozenSet(StringComparer.Ordinal),
            (await session.QueryAsync<string>(OffenceCategoriesSql, null, cancellationToken)).ToFrozenSet(StringComparer.Ordinal),
            (await session.QueryAsync<string>(PersonRolesSql, null, cancellationToken)).ToFrozenSet(StringComparer.Ordinal),
            (await session.QueryAsync<string>(AssistanceTypesSql, null, cancellationToken)).ToFrozenSet(StringComparer.Ordinal),
            grounds.Where(g => g.AppliesTo == "mla").Select(g => g.Code).ToFrozenSet(StringComparer.Ordinal),
            grounds.Where(g => g.AppliesTo == "extradition").Select(g => g.Code).ToFrozenSet(StringComparer.Ordinal));
    }

    private sealed record GroundRow
    {
        public required string AppliesTo { get; init; }

        public required string Code { get; init; }
    }
}

public sealed record CodeSets(
    FrozenSet<string> LegalBases,
    FrozenSet<string> OffenceCategories,
    FrozenSet<string> PersonRoles,
    FrozenSet<string> AssistanceTypes,
    FrozenSet<string> MlaRefusalGrounds,
    FrozenSet<string> ExtraditionRefusalGrounds);
