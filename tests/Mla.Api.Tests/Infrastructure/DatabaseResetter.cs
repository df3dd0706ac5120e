using System.Data.Common;
using Dapper;
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

        var restoreTriggers = await LiftAppendOnlyTriggersAsync(connection);
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

    private async Task<Func<Task>> LiftAppendOnlyTriggersAsync(DbConnection connection)
    {
        switch (_database.Engine)
        {
            case DatabaseEngine.Sqlite:
                var triggers = (await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'request_events'")).ToList();
                var names = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'request_events'");
                foreach (var name in names)
                {
                    await connection.ExecuteAsync($"DROP TRIGGER {name}");
                }

                return async () =>
                {
                    foreach (var sql in triggers)
                    {
                        await connection.ExecuteAsync(sql);
                    }
                };
            case DatabaseEngine.Postgres:
                // Replica mode skips ordinary triggers for this session only.
                await connection.ExecuteAsync("SET session_replication_role = replica");
                return async () => await connection.ExecuteAsync("SET session_replication_role = DEFAULT");
            default:
                await connection.ExecuteAsync("DISABLE TRIGGER ALL ON request_events");
                return async () => await connection.ExecuteAsync("ENABLE TRIGGER ALL ON request_events");
        }
    }
}
