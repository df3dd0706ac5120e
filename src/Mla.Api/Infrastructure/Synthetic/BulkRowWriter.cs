using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Mla.Api.Infrastructure.Data;
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

    public abstract Task WriteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken);

    private sealed class SqliteRowWriter : BulkRowWriter
    {
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
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    await (value switch
                    {
                        null => importer.WriteNullAsync(cancellationToken),
                        string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                        Guid id => importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken),
                        DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                        DateTimeOffset instant => importer.WriteAsync(DapperTypeHandlers.TruncateToMicroseconds(instant), NpgsqlDbType.TimestampTz, cancellationToken),
                        int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                        long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                        _ => throw new NotSupportedException($"No COPY type for a {value.GetType().Name}."),
                    });
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
