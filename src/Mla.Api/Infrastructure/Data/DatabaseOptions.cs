namespace Mla.Api.Infrastructure.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Mla";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public DatabaseEngine Engine { get; set; } = DatabaseEngine.Sqlite;

    /// <summary>Apply pending migrations and seed reference data when the service starts.</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>How often the service refreshes SQLite's planner statistics (<see cref="SqliteStatistics"/>); SQLite only.</summary>
    public TimeSpan SqliteOptimizeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Resolved connection string (from <c>ConnectionStrings:Mla</c>, or the embedded default).</summary>
    public string ConnectionString { get; set; } = "";
}
