using System.Data;
using System.Data.Common;
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

    /// <summary>Readies the writing connection (nothing, except on SQLite).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task WriteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken);

    private sealed class SqliteRowWriter : BulkRowWriter
    {
        // Random ids land all over the indexes: with SQLite's default 2 MB page cache, a million requests
        // would be written page by page from disk. This connection only, for this run only.
        public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size = -262144";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

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
