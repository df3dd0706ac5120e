using System.Data.Common;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// What the three dialects share, so that each states only where its engine differs: the engine, whose name
/// is its folder of migrations under <c>db/</c>; the forms SQLite and PostgreSQL both speak (<c>LIMIT</c>,
/// <c>ON CONFLICT DO NOTHING</c>), which SQL Server's dialect replaces; no write turn, which SQLite's adds; and
/// one trigger per append-only table, as PostgreSQL's and SQL Server's migrations name it (SQLite's name two).
/// </summary>
public abstract class SqlDialect(DatabaseEngine engine) : ISqlDialect
{
    public DatabaseEngine Engine => engine;

    public string MigrationsFolder { get; } = engine.ToString().ToLowerInvariant();

    public virtual IReadOnlyList<(string Table, string Trigger)> AppendOnlyTriggers { get; } =
        [.. AppendOnly.Tables.Select(table => (table, $"{table}_append_only"))];

    public abstract string EnabledTriggersSql { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    public virtual Task<IDisposable?> WaitForWriteTurnAsync(string connectionString, CancellationToken cancellationToken) =>
        Task.FromResult<IDisposable?>(null);

    public abstract string ByteLength(string column);

    public virtual string FirstRows(string limitParameter) => $"LIMIT {limitParameter}";

    public virtual string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"LIMIT {limitParameter} OFFSET {offsetParameter}";

    public virtual string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";
}
