using System.Text.Json;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Seeds the reference data of DOMAIN.md from <c>db/seed/reference-data.json</c>, the one
/// engine-neutral source. Only missing rows are inserted: running it twice changes nothing, and what an
/// administrator changed since (languages, members, names) is never overwritten.
/// </summary>
public sealed partial class ReferenceDataSeeder(ISqlDialect dialect, DatabaseOptions options, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private const string InsertLanguageSql = """
        INSERT INTO languages (code, name_en, name_fr)
        SELECT @Code, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM languages WHERE code = @Code)
        """;

    private const string InsertNetworkSql = """
        INSERT INTO networks (code, name_en, name_fr, founded_year)
        SELECT @Code, @NameEn, @NameFr, @FoundedYear
        WHERE NOT EXISTS (SELECT 1 FROM networks WHERE code = @Code)
        """;

    private const string InsertStateSql = """
        INSERT INTO states (iso3, name_en, name_fr)
        SELECT @Iso3, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM states WHERE iso3 = @Iso3)
        """;

    // A State seeded before time zones existed gets its zone once; an administrator's value is kept.
    private const string FillTimeZoneSql = "UPDATE states SET time_zone = @TimeZone WHERE iso3 = @Iso3 AND time_zone IS NULL";

    // Values added to the seed after the row's first seeding (issue 13): filled once where still null, an
    // administrator's value is kept.
    private const string FillNationalitySql = """
        UPDATE states SET nationality_fr = COALESCE(nationality_fr, @Fr), nationality_en = COALESCE(nationality_en, @En),
                          nationality_pt = COALESCE(nationality_pt, @Pt)
        WHERE iso3 = @Iso3
        """;

    private const string FillArticlesSql = """
        UPDATE legal_bases SET mla_article = COALESCE(mla_article, @MlaArticle), extradition_article = COALESCE(extradition_article, @ExtraditionArticle)
        WHERE code = @Code
        """;

    private const string FillCentralAuthorityNamesSql = """
        UPDATE authorities SET name_fr = COALESCE(name_fr, @Fr), name_en = COALESCE(name_en, @En), name_pt = COALESCE(name_pt, @Pt),
                               city = COALESCE(city, @City)
        WHERE state_iso3 = @State AND kind = 'central-authority'
        """;

    private const string InsertLegalBasisSql = """
        INSERT INTO legal_bases (code, name_en, name_fr, category, applies_to_mla, applies_to_extradition, is_active)
        SELECT @Code, @NameEn, @NameFr, @Category, @Mla, @Extradition, @Active
        WHERE NOT EXISTS (SELECT 1 FROM legal_bases WHERE code = @Code)
        """;

    private const string InsertRefusalGroundSql = """
        INSERT INTO refusal_grounds (applies_to, code, name_en, name_fr)
        SELECT @AppliesTo, @Code, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM refusal_grounds WHERE applies_to = @AppliesTo AND code = @Code)
        """;

    private const string InsertCentralAuthoritySql = """
        INSERT INTO authorities (id, state_iso3, kind, name, address, phone, email, letterhead)
        SELECT @Id, @State, 'central-authority', @Name, @Address, @Phone, @Email, @Letterhead
        WHERE NOT EXISTS (SELECT 1 FROM authorities WHERE state_iso3 = @State AND kind = 'central-authority')
        """;

    private const string InsertStateLanguageSql = """
        INSERT INTO state_languages (state_iso3, language_code, preference) VALUES (@State, @Language, @Preference)
        """;

    private const string InsertMembershipSql = """
        INSERT INTO network_memberships (network_code, state_iso3) VALUES (@Network, @State)
        """;

    private const string InsertAssistanceTypeSql = """
        INSERT INTO assistance_types (code, name_en, name_fr)
        SELECT @Code, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM assistance_types WHERE code = @Code)
        """;

    private const string InsertOffenceCategorySql = """
        INSERT INTO offence_categories (code, name_en, name_fr)
        SELECT @Code, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM offence_categories WHERE code = @Code)
        """;

    private const string InsertPersonRoleSql = """
        INSERT INTO person_roles (code, name_en, name_fr)
        SELECT @Code, @NameEn, @NameFr
        WHERE NOT EXISTS (SELECT 1 FROM person_roles WHERE code = @Code)
        """;

    public static string SeedFile => Path.Combine(DatabaseMigrator.ScriptsRoot, "seed", "reference-data.json");

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(SeedFile);
        var seed = await JsonSerializer.DeserializeAsync<ReferenceDataSeed>(stream, SerializerOptions, cancellationToken)
            ?? throw new InvalidOperationException($"{SeedFile} is empty.");

        await using var session = new DbSession(dialect, options);
        await session.BeginTransactionAsync(cancellationToken);
        var inserted = 0;

        foreach (var language in seed.Languages)
        {
            inserted += await session.ExecuteAsync(
                InsertLanguageSql, language, cancellationToken);
        }

        foreach (var network in seed.Networks)
        {
            inserted += await session.ExecuteAsync(
                InsertNetworkSql, network, cancellationToken);
        }

        foreach (var state in seed.States)
        {
            var stateInserted = await session.ExecuteAsync(
                InsertStateSql, state, cancellationToken);
            inserted += stateInserted;
            await session.ExecuteAsync(FillTimeZoneSql, state, cancellationToken);
            if (state.Nationality is { } nationality)
            {
                await session.ExecuteAsync(FillNationalitySql, new { state.Iso3, nationality.Fr, nationality.En, nationality.Pt }, cancellationToken);
            }

            // Languages and memberships belong to the State's first seeding only: afterwards they are
            // the administrators' to change, and a removed language must stay removed.
            if (stateInserted == 0)
            {
                continue;
            }

            for (var i = 0; i < state.Languages.Count; i++)
            {
                inserted += await session.ExecuteAsync(
                    InsertStateLanguageSql,
                    new { State = state.Iso3, Language = state.Languages[i], Preference = i + 1 }, cancellationToken);
            }

            foreach (var network in state.Networks)
            {
                inserted += await session.ExecuteAsync(
                    InsertMembershipSql,
                    new { Network = network, State = state.Iso3 }, cancellationToken);
            }
        }

        foreach (var basis in seed.LegalBases)
        {
            inserted += await session.ExecuteAsync(
                InsertLegalBasisSql, new { basis.Code, basis.NameEn, basis.NameFr, basis.Category, basis.Mla, basis.Extradition, Active = true }, cancellationToken);
            await session.ExecuteAsync(FillArticlesSql, new { basis.Code, basis.MlaArticle, basis.ExtraditionArticle }, cancellationToken);
        }

        inserted += await SeedCodeListAsync(session, InsertAssistanceTypeSql, seed.AssistanceTypes, cancellationToken);
        inserted += await SeedCodeListAsync(session, InsertOffenceCategorySql, seed.OffenceCategories, cancellationToken);
        inserted += await SeedCodeListAsync(session, InsertPersonRoleSql, seed.PersonRoles, cancellationToken);

        foreach (var ground in seed.RefusalGrounds)
        {
            inserted += await session.ExecuteAsync(
                InsertRefusalGroundSql, ground, cancellationToken);
        }

        foreach (var authority in seed.CentralAuthorities)
        {
            inserted += await session.ExecuteAsync(
                InsertCentralAuthoritySql,
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
            await session.ExecuteAsync(
                FillCentralAuthorityNamesSql,
                new { authority.State, Fr = authority.Names?.Fr, En = authority.Names?.En, Pt = authority.Names?.Pt, authority.City }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        LogSeeded(logger, inserted);
        return inserted;
    }

    private static async Task<int> SeedCodeListAsync(DbSession session, string insertSql, IEnumerable<CodeNameSeed> rows, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var row in rows)
        {
            inserted += await session.ExecuteAsync(insertSql, row, cancellationToken);
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

    private sealed record StateSeed(string Iso3, string TimeZone, string NameEn, string NameFr, IReadOnlyList<string> Languages, IReadOnlyList<string> Networks, InLanguages? Nationality);

    /// <summary>A text in each language Mla writes documents in.</summary>
    private sealed record InLanguages(string Fr, string En, string Pt);

    private sealed record LegalBasisSeed(string Code, string NameEn, string NameFr, string Category, bool Mla, bool Extradition, string? MlaArticle, string? ExtraditionArticle);

    private sealed record RefusalGroundSeed(string AppliesTo, string Code, string NameEn, string NameFr);

    private sealed record CentralAuthoritySeed(string State, string Name, IReadOnlyList<string> Letterhead, string? Address, string? Phone, string? Email, InLanguages? Names, string? City);
}
