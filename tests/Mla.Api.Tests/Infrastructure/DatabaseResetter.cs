using System.Data.Common;
using Mla.Api.Infrastructure.Data;
using Respawn;
using Respawn.Graph;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Empties the case tables between tests with Respawn, keeping the schema history and, unless asked,
/// the seeded reference data. The timeline's append-only triggers are lifted for the reset only, as a
/// database administrator would.
/// </summary>
public sealed class DatabaseResetter
{
    private static readonly string[] ReferenceTables =
    [
        "languages", "states", "state_languages", "networks", "network_memberships", "legal_bases",
        "assistance_types", "offence_categories", "person_roles", "refusal_grounds", "authorities",
    ];

    private readonly TestDatabase _database;
    private Respawner? _caseData;
    private Respawner? _everything;

    public DatabaseResetter(TestDatabase database) => _database = database;

    public async Task ResetAsync(bool includingReferenceData)
    {
        await using var connection = _database.Dialect.CreateConnection(_database.ConnectionString);
        await connection.OpenAsync();

        var respawner = includingReferenceData
            ? _everything ??= await CreateAsync(connection, [DatabaseMigrator.MetadataTable])
            : _caseData ??= await CreateAsync(connection, [DatabaseMigrator.MetadataTable, .. ReferenceTables]);

        var restoreTriggers = await AppendOnlyTriggers.LiftAsync(connection, _database.Engine);
        try
        {
            await respawner.ResetAsync(connection);
        }
        finally
        {
            await restoreTriggers();
        }
    }

    private async Task<Respawner> CreateAsync(DbConnection connection, string[] ignored) =>
        await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = _database.Engine switch
            {
                DatabaseEngine.Sqlite => DbAdapter.Sqlite,
                DatabaseEngine.Postgres => DbAdapter.Postgres,
                _ => DbAdapter.SqlServer,
            },
            TablesToIgnore = [.. ignored.Select(name => new Table(name))],
            SchemasToInclude = _database.Engine == DatabaseEngine.Postgres ? ["public"] : [],
        });
}
