using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// Writes many rows of one table inside the caller's transaction, the fastest way each engine offers:
/// PostgreSQL's binary COPY, SQL Server's bulk copy, and on SQLite one prepared INSERT reused for every
/// row. Values are what <see cref="ColumnValues.ToParameter"/> gives (codes as text, Guid, DateOnly,
/// DateTimeOffset, int, bool), stored as <see cref="DapperTypeHandlers"/> stores them, so rows look
/// exactly like those the service writes.
/// </summary>
public abstract class BulkRowWriter
{
    public static BulkRowWriter For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteRowWriter(),
        DatabaseEngine.Postgres => new PostgresRowWriter(),
        DatabaseEngine.SqlServer => new SqlServerRowWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    /// <summary>
    /// Readies the writing connection for a bulk load and returns what undoes it, to run once the load
    /// ends, failed or not (nothing, except on SQLite).
    /// </summary>
    public virtual Task<Func<Task>> BeginLoadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<Func<Task>>(() => Task.CompletedTask);

    /// <summary>Whether a load here drops the secondary indexes and creates them again after (SQLite, PostgreSQL).</summary>
    public virtual bool RebuildsIndexes => false;

    /// <summary>
    /// The indexes of <paramref name="tables"/> that a load may drop and create again after it: every index
    /// the migrations created with <c>CREATE INDEX</c>, read from the engine's catalogue (so the migrations
    /// stay the one source of their definitions), without those that hold a primary key or a constraint.
    /// None on SQL Server (not run here: its load keeps its indexes).
    /// </summary>
    public virtual Task<IReadOnlyList<SecondaryIndex>> SecondaryIndexesAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SecondaryIndex>>([]);

    /// <summary>
    /// Whether <paramref name="index"/>'s catalogue definition, run again, gives the same index as the
    /// migration did: only those are dropped for a load.
    /// </summary>
    public virtual bool RecreatesExactly(SecondaryIndex index) => true;

    /// <summary>What the engine does after a load once the indexes are back: gather statistics for its planner.</summary>
    public virtual async Task AfterLoadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Text, not a procedure: Dapper takes a one-word command for one.
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandTimeout: 0, commandType: CommandType.Text, cancellationToken: cancellationToken));

    public abstract Task WriteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken);

    private sealed class SqliteRowWriter : BulkRowWriter
    {
        // The engine's own catalogue, run on this engine only: not named *Sql, so the T-SQL parse check passes it over.
        private const string IndexCatalogQuery = $"""
            SELECT name AS {nameof(SecondaryIndex.Name)}, sql AS {nameof(SecondaryIndex.Definition)} FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN @tables ORDER BY rowid
            """;

        // Random ids land all over the primary keys: with SQLite's default 2 MB page cache, a million requests
        // would be written page by page from disk. No sync either: a load is only ever run on a synthetic
        // database, which a machine going down mid-load leaves to be thrown away, not repaired. Sorting for
        // CREATE INDEX in memory, on two threads. The journal stays (WAL for a file): leaving WAL needs the
        // only connection to the file, which a benchmark's or a test's running service does not give, and it
        // lets a failed batch roll back. This connection only, for this run only: the pool lets go of it
        // after, so that no later user of the pool inherits the settings.
        public override async Task<Func<Task>> BeginLoadAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA threads = 2",
                cancellationToken: cancellationToken));
            return async () =>
            {
                await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA threads = 0");
                SqliteConnection.ClearPool((SqliteConnection)connection);
            };
        }

        public override bool RebuildsIndexes => true;

        public override async Task<IReadOnlyList<SecondaryIndex>> SecondaryIndexesAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
            [.. await connection.QueryAsync<SecondaryIndex>(new CommandDefinition(IndexCatalogQuery, new { tables }, cancellationToken: cancellationToken))];

        public override async Task WriteAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = Sqlite(row[i]);
                }

                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException failed)
                {
                    // The table only: the row holds personal data (synthetic, but the message could reach a log).
                    throw new InvalidOperationException($"Writing a row of {table} failed: {failed.Message}", failed);
                }
            }
        }

        private static object Sqlite(object? value) => value switch
        {
            null => DBNull.Value,
            Guid id => id.ToString("D"),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset instant => DapperTypeHandlers.TruncateToMicroseconds(instant).ToString(DapperTypeHandlers.SqliteInstantFormat, CultureInfo.InvariantCulture),
            bool flag => flag ? 1L : 0L,
            _ => value,
        };
    }

    private sealed class PostgresRowWriter : BulkRowWriter
    {
        // Indexes behind a primary key or a unique constraint are the constraint's: they stay.
        // The engine's own catalogue, run on this engine only: not named *Sql, so the T-SQL parse check passes it over.
        private const string IndexCatalogQuery = $"""
            SELECT i.indexname AS {nameof(SecondaryIndex.Name)}, i.indexdef AS {nameof(SecondaryIndex.Definition)}
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
            ORDER BY i.tablename, i.indexname
            """;

        // PostgreSQL prints a partial index's "status IN (...)" on a varchar column as
        // "(status)::text = ANY ((ARRAY['...'::character varying, ...])::text[])", which parsed again gives another
        // predicate text (tested), one the planner may no longer match with the queries' IN: such an index stays.
        public override bool RecreatesExactly(SecondaryIndex index) => !index.Definition.Contains("= ANY (", StringComparison.Ordinal);

        // Index builds sort in memory and on parallel workers; this session only.
        public override async Task<Func<Task>> BeginLoadAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await connection.ExecuteAsync(new CommandDefinition("SET maintenance_work_mem = '512MB'", cancellationToken: cancellationToken));
            return async () => await connection.ExecuteAsync("RESET maintenance_work_mem");
        }

        public override bool RebuildsIndexes => true;

        public override async Task<IReadOnlyList<SecondaryIndex>> SecondaryIndexesAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
            [.. await connection.QueryAsync<SecondaryIndex>(new CommandDefinition(IndexCatalogQuery, new { tables = tables.ToArray() }, cancellationToken: cancellationToken))];

        public override async Task WriteAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
        {
            await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            // Synchronous writes: they only fill the importer's buffer, which flushes itself; an await per value costs more than the value.
            foreach (var row in rows)
            {
                importer.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: importer.WriteNull(); break;
                        case string text: importer.Write(text, NpgsqlDbType.Text); break;
                        case Guid id: importer.Write(id, NpgsqlDbType.Uuid); break;
                        case DateOnly date: importer.Write(date, NpgsqlDbType.Date); break;
                        case DateTimeOffset instant: importer.Write(DapperTypeHandlers.TruncateToMicroseconds(instant), NpgsqlDbType.TimestampTz); break;
                        case int number: importer.Write(number, NpgsqlDbType.Integer); break;
                        case long number: importer.Write(number, NpgsqlDbType.Bigint); break;
                        case bool flag: importer.Write(flag, NpgsqlDbType.Boolean); break;
                        default: throw new NotSupportedException($"No COPY type for a {value.GetType().Name}.");
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    private sealed class SqlServerRowWriter : BulkRowWriter
    {
        public override async Task WriteAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
        {
            using var data = new DataTable(table) { Locale = CultureInfo.InvariantCulture };
            for (var i = 0; i < columns.Count; i++)
            {
                var sample = rows.Select(row => row[i]).FirstOrDefault(value => value is not null);
                data.Columns.Add(columns[i], sample switch
                {
                    DateOnly => typeof(DateTime),
                    null => typeof(string),
                    _ => sample.GetType(),
                });
            }

            foreach (var row in rows)
            {
                data.Rows.Add([.. row.Select(value => value switch
                {
                    null => DBNull.Value,
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                    DateTimeOffset instant => DapperTypeHandlers.TruncateToMicroseconds(instant),
                    _ => value,
                })]);
            }

            using var copy = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers, (SqlTransaction)transaction)
            {
                DestinationTableName = table,
                BatchSize = 0,
                BulkCopyTimeout = 0,
            };
            foreach (var column in columns)
            {
                copy.ColumnMappings.Add(column, column);
            }

            await copy.WriteToServerAsync(data, cancellationToken);
        }
    }
}

/// <summary>An index as the engine's catalogue defines it: its name, and the statement that creates it again.</summary>
public sealed record SecondaryIndex
{
    public required string Name { get; init; }

    public required string Definition { get; init; }
}
