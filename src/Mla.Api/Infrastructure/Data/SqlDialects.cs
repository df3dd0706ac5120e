namespace Mla.Api.Infrastructure.Data;

/// <summary>Picks the dialect of the configured engine.</summary>
public static class SqlDialects
{
    public static ISqlDialect For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteDialect(),
        DatabaseEngine.Postgres => new PostgresDialect(),
        DatabaseEngine.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown database engine."),
    };
}
