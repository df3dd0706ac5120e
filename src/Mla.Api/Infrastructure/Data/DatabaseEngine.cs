namespace Mla.Api.Infrastructure.Data;

/// <summary>The database engines Mla runs on. SQLite is the embedded default.</summary>
public enum DatabaseEngine
{
    Sqlite,
    Postgres,
    SqlServer,
}
