using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Makes Guid, DateTimeOffset and DateOnly round-trip exactly on every engine. Dapper's handlers are
/// process-wide, so each handler writes what the connection's provider expects (text on SQLite, native
/// types elsewhere) and reads whatever the provider returns.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    /// <summary>Text form of instants on SQLite: fixed width, UTC, microseconds, so it sorts as it compares.</summary>
    public const string SqliteInstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper maps these types itself unless their built-in mapping is removed first.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>Instants are kept to the microsecond, the precision every engine stores.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    // SQLite has no date, instant or UUID type: it gets these values as text, the server engines as
    // their native type.
    private abstract class TextOnSqliteHandler<T>(DbType nativeType) : SqlMapper.TypeHandler<T>
    {
        public sealed override void SetValue(IDbDataParameter parameter, T? value)
        {
            var stored = Normalise(value!);
            parameter.DbType = parameter is SqliteParameter ? DbType.String : nativeType;
            parameter.Value = parameter is SqliteParameter ? ToSqliteText(stored) : stored;
        }

        protected virtual T Normalise(T value) => value;

        protected abstract string ToSqliteText(T value);
    }

    private sealed class GuidHandler() : TextOnSqliteHandler<Guid>(DbType.Guid)
    {
        protected override string ToSqliteText(Guid value) => value.ToString("D");

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }

    private sealed class DateTimeOffsetHandler() : TextOnSqliteHandler<DateTimeOffset>(DbType.DateTimeOffset)
    {
        protected override DateTimeOffset Normalise(DateTimeOffset value) => TruncateToMicroseconds(value);

        protected override string ToSqliteText(DateTimeOffset value) => value.ToString(SqliteInstantFormat, CultureInfo.InvariantCulture);

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read a DateTimeOffset from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler() : TextOnSqliteHandler<DateOnly>(DbType.Date)
    {
        protected override string ToSqliteText(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a DateOnly from {value.GetType().Name}."),
        };
    }
}
