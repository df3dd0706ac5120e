using Dapper;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// The tables of the record that the database keeps append-only, and the start-up check that their
/// triggers are there and enabled (read from the engine's catalog: <c>sqlite_master</c>,
/// <c>pg_trigger</c>, <c>sys.triggers</c>). Without them the service refuses to serve; the maintenance
/// verbs still run, so that an operator can verify and repair.
/// </summary>
public sealed class AppendOnly(ISqlDialect dialect, DatabaseOptions options)
{
    /// <summary>The timeline, the frozen documents and the annexes.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["request_events", "request_documents", "request_attachments"];

    /// <summary>The append-only triggers missing from the database or disabled, as <c>table.trigger</c>; empty when all are in place.</summary>
    public async Task<IReadOnlyList<string>> MissingTriggersAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var enabled = (await connection.QueryAsync<(string TableName, string TriggerName)>(
                new CommandDefinition(dialect.EnabledTriggersSql, cancellationToken: cancellationToken)))
            .Select(t => $"{t.TableName}.{t.TriggerName}")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. dialect.AppendOnlyTriggers.Select(t => $"{t.Table}.{t.Trigger}").Where(expected => !enabled.Contains(expected))];
    }
}
