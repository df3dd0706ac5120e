using System.Text.Json;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Seeds the reference data of DOMAIN.md from <c>db/seed/reference-data.json</c>, the one
/// engine-neutral source. Only missing rows are inserted: running it twice changes nothing, and what an
/// administrator changed since (languages, members, names) is never overwritten.
/// </summary>
public sealed partial class ReferenceDataSeeder(ISqlDialect dialect, DatabaseOptions options, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string SeedFile => Path.Combine(DatabaseMigrator.ScriptsRoot, "seed", "reference-data.json");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(SeedFile);
        var seed = await JsonSerializer.DeserializeAsync<ReferenceDataSeed>(stream, s_json, cancellationToken)
            ?? throw new InvalidOperationException($"{SeedFile} is empty.");

        await using var session = new DbSession(dialect, options);
        await session.BeginTransactionAsync(cancellationToken);
        var inserted = 0;

        foreach (var language in seed.Languages)
        {
            inserted += await session.ExecuteAsync(
                """
                INSERT INTO languages (code, name_en, name_fr)
                SELECT @Code, @NameEn, @NameFr
                WHERE NOT EXISTS (SELECT 1 FROM languages WHERE code = @Code)
                """, language, cancellationToken);
        }

        foreach (var network in seed.Networks)
        {
            inserted += await session.ExecuteAsync(
                """
                INSERT INTO networks (code, name_en, name_fr, founded_year)
                SELECT @Code, @NameEn, @NameFr, @FoundedYear
                WHERE NOT EXISTS (SELECT 1 FROM networks WHERE code = @Code)
                """, network, cancellationToken);
        }

        foreach (var state in seed.States)
        {
            var stateInserted = await session.ExecuteAsync(
                """
                INSERT INTO states (iso3, name_en, name_fr)
                SELECT @Iso3, @NameEn, @NameFr
                WHERE NOT EXISTS (SELECT 1 FROM states WHERE iso3 = @Iso3)
                """, state, cancellationToken);
            inserted += stateInserted;

            // Languages and memberships belong to the State's first seeding only: afterwards they are
            // the administrators' to change, and a removed language must stay removed.
            if (stateInserted == 0)
            {
                continue;
            }

            for (var i = 0; i < state.Languages.Count; i++)
            {
                inserted += await session.ExecuteAsync(
                    "INSERT INTO state_languages (state_iso3, language_code, preference) VALUES (@State, @Language, @Preference)",
                    new { State = state.Iso3, Language = state.Languages[i], Preference = i + 1 }, cancellationToken);
            }

            foreach (var network in state.Networks)
            {
                inserted += await session.ExecuteAsync(
                    "INSERT INTO network_memberships (network_code, state_iso3) VALUES (@Network, @State)",
                    new { Network = network, State = state.Iso3 }, cancellationToken);
            }
        }

        foreach (var basis in seed.LegalBases)
        {
            inserted += await session.ExecuteAsync(
                """
                INSERT INTO legal_bases (code, name_en, name_fr, category, applies_to_mla, applies_to_extradition, is_active)
                SELECT @Code, @NameEn, @NameFr, @Category, @Mla, @Extradition, @Active
                WHERE NOT EXISTS (SELECT 1 FROM legal_bases WHERE code = @Code)
                """, new { basis.Code, basis.NameEn, basis.NameFr, basis.Category, basis.Mla, basis.Extradition, Active = true }, cancellationToken);
        }

        inserted += await SeedCodeListAsync(session, "assistance_types", seed.AssistanceTypes, cancellationToken);
        inserted += await SeedCodeListAsync(session, "offence_categories", seed.OffenceCategories, cancellationToken);
        inserted += await SeedCodeListAsync(session, "person_roles", seed.PersonRoles, cancellationToken);

        foreach (var ground in seed.RefusalGrounds)
        {
            inserted += await session.ExecuteAsync(
                """
                INSERT INTO refusal_grounds (applies_to, code, name_en, name_fr)
                SELECT @AppliesTo, @Code, @NameEn, @NameFr
                WHERE NOT EXISTS (SELECT 1 FROM refusal_grounds WHERE applies_to = @AppliesTo AND code = @Code)
                """, ground, cancellationToken);
        }

        foreach (var authority in seed.CentralAuthorities)
        {
            inserted += await session.ExecuteAsync(
                """
                INSERT INTO authorities (id, state_iso3, kind, name, address, phone, email, letterhead)
                SELECT @Id, @State, 'central-authority', @Name, @Address, @Phone, @Email, @Letterhead
                WHERE NOT EXISTS (SELECT 1 FROM authorities WHERE state_iso3 = @State AND kind = 'central-authority')
                """,
                new
                {
                    Id = Guid.CreateVersion7(),
                    authority.State,
                    authority.Name,
                    authority.Address,
                    authority.Phone,
                    authority.Email,
                    Letterhead = string.Join('\n', authority.Letterhead),
                }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        LogSeeded(logger, inserted);
    }

    private static async Task<int> SeedCodeListAsync(DbSession session, string table, IEnumerable<CodeNameSeed> rows, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var row in rows)
        {
            inserted += await session.ExecuteAsync(
                $"""
                INSERT INTO {table} (code, name_en, name_fr)
                SELECT @Code, @NameEn, @NameFr
                WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE code = @Code)
                """, row, cancellationToken);
        }

        return inserted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data seeded: {Inserted} row(s) inserted")]
    private static partial void LogSeeded(ILogger logger, int inserted);

    private sealed record ReferenceDataSeed(
        IReadOnlyList<CodeNameSeed> Languages,
        IReadOnlyList<NetworkSeed> Networks,
        IReadOnlyList<StateSeed> States,
        IReadOnlyList<LegalBasisSeed> LegalBases,
        IReadOnlyList<CodeNameSeed> AssistanceTypes,
        IReadOnlyList<CodeNameSeed> OffenceCategories,
        IReadOnlyList<CodeNameSeed> PersonRoles,
        IReadOnlyList<RefusalGroundSeed> RefusalGrounds,
        IReadOnlyList<CentralAuthoritySeed> CentralAuthorities);

    private sealed record CodeNameSeed(string Code, string NameEn, string NameFr);

    private sealed record NetworkSeed(string Code, string NameEn, string NameFr, int FoundedYear);

    private sealed record StateSeed(string Iso3, string NameEn, string NameFr, IReadOnlyList<string> Languages, IReadOnlyList<string> Networks);

    private sealed record LegalBasisSeed(string Code, string NameEn, string NameFr, string Category, bool Mla, bool Extradition);

    private sealed record RefusalGroundSeed(string AppliesTo, string Code, string NameEn, string NameFr);

    private sealed record CentralAuthoritySeed(string State, string Name, IReadOnlyList<string> Letterhead, string? Address, string? Phone, string? Email);
}
