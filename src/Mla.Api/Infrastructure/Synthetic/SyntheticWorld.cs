using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// What synthetic requests are drawn against: the States of the reference data, the languages they accept,
/// their central authorities, the synthetic users who act for each State, and the day the data is made
/// as of (every date is before it).
/// </summary>
public sealed class SyntheticWorld(
    DateOnly asOf,
    IReadOnlyList<string> states,
    IReadOnlyDictionary<string, string> languages,
    IReadOnlyDictionary<string, Guid> centralAuthorities,
    IReadOnlyDictionary<(string State, Role Role), SyntheticActor> actors)
{
    public DateOnly AsOf => asOf;

    /// <summary>The States of the reference data, in ISO3 order.</summary>
    public IReadOnlyList<string> States => states;

    public IReadOnlyDictionary<string, Guid> CentralAuthorities => centralAuthorities;

    public bool IsRegionState(string state) => languages.ContainsKey(state);

    /// <summary>The language a request to <paramref name="state"/> is written in (French for a State outside the reference data).</summary>
    public string LanguageOf(string state) => languages.GetValueOrDefault(state, "fr");

    public SyntheticActor Actor(string state, Role role) => actors[(state, role)];
}
