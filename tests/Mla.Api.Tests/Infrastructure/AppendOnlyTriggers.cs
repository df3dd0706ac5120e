using System.Data.Common;
using Dapper;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Lifts the append-only triggers of the record (timeline, frozen documents, annexes) on one connection, as
/// a database administrator would, for what a user can never do: resetting the database between tests, or
/// tampering with the record on purpose.
/// </summary>
public static class AppendOnlyTriggers
{
    /// <summary>The tables the database keeps append-only.</summary>
    public static readonly string[] Tables = ["request_events", "request_documents", "request_attachments"];

    /// <summary>Lifts the triggers and returns what puts them back.</summary>
    public static async Task<Func<Task>> LiftAsync(DbConnection connection, DatabaseEngine engine)
    {
        switch (engine)
        {
            case DatabaseEngine.Sqlite:
                // SQLite cannot disable a trigger: drop them and recreate them from their own definitions.
                var triggers = (await connection.QueryAsync<(string Name, string Sql)>(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN @Tables", new { Tables })).ToList();
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
                foreach (var table in Tables)
                {
                    await connection.ExecuteAsync($"DISABLE TRIGGER ALL ON {table}");
                }

                return async () =>
                {
                    foreach (var table in Tables)
                    {
                        await connection.ExecuteAsync($"ENABLE TRIGGER ALL ON {table}");
                    }
                };
        }
    }
}
