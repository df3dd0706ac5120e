using System.Data.Common;
using Dapper;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Lifts the timeline's append-only triggers on one connection, as a database administrator would, for
/// what a user can never do: resetting the database between tests, or tampering with an event on purpose.
/// </summary>
public static class AppendOnlyTriggers
{
    /// <summary>Lifts the triggers and returns what puts them back.</summary>
    public static async Task<Func<Task>> LiftAsync(DbConnection connection, DatabaseEngine engine)
    {
        switch (engine)
        {
            case DatabaseEngine.Sqlite:
                // SQLite cannot disable a trigger: drop them and recreate them from their own definitions.
                var triggers = (await connection.QueryAsync<(string Name, string Sql)>(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'request_events'")).ToList();
                foreach (var (name, _) in triggers)
                {
                    await connection.ExecuteAsync($"DROP TRIGGER {name}");
                }

                return async () =>
                {
                    foreach (var (_, definition) in triggers)
                    {
                        await connection.ExecuteAsync(definition);
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
