using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public sealed class DatabaseMigratorTests(DatabaseEngine engine)
{
    private static readonly string[] ExpectedTables =
    [
        "languages", "states", "state_languages", "networks", "network_memberships", "legal_bases", "assistance_types",
        "offence_categories", "person_roles", "refusal_grounds", "authorities", "users", "audit_entries", "idempotency_records",
        "requests", "reference_counters", "request_legal_bases", "request_offences", "request_persons",
        "request_assistance_items", "request_refusal_grounds", "request_events", "request_documents", "request_attachments",
    ];

    private static readonly string[] ReferenceTables =
    [
        "languages", "states", "state_languages", "networks", "network_memberships", "legal_bases", "assistance_types",
        "offence_categories", "person_roles", "refusal_grounds", "authorities",
    ];

    private TestDatabase _database = null!;

    [SetUp]
    public async Task CreateEmptyDatabase() => _database = await TestDatabase.CreateAsync(engine);

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task Migrate_EmptyDatabase_CreatesEverySchemaTableAndSeedsReferenceData()
    {
        var report = await CreateMigrator().MigrateAsync(CancellationToken.None);

        Assert.That(report.ScriptsApplied, Is.EqualTo(Directory.GetFiles(Path.Combine(DatabaseMigrator.ScriptsRoot, _database.Dialect.MigrationsFolder), "*.sql").Length));
        Assert.That(report.ReferenceRowsInserted, Is.GreaterThan(100));
        await using var connection = await OpenAsync();
        foreach (var table in ExpectedTables)
        {
            await Assert.DoesNotThrowAsync(async () => await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), $"table {table}");
        }

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM states"), Is.EqualTo(17));
    }

    [Test]
    public async Task Migrate_SecondRun_AppliesNothingAndInsertsNothing()
    {
        await CreateMigrator().MigrateAsync(CancellationToken.None);
        var before = await SnapshotAsync();

        var second = await CreateMigrator().MigrateAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(second.ScriptsApplied, Is.Zero);
            Assert.That(second.ReferenceRowsInserted, Is.Zero);
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Seed_RunTwice_ChangesNothing()
    {
        await CreateMigrator().MigrateAsync(CancellationToken.None);
        var before = await SnapshotAsync();

        var inserted = await CreateSeeder().SeedAsync(CancellationToken.None);

        Assert.That(inserted, Is.Zero);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Seed_AdministratorRemovedALanguage_DoesNotPutItBack()
    {
        await CreateMigrator().MigrateAsync(CancellationToken.None);
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM state_languages WHERE state_iso3 = 'MRT' AND language_code = 'ar'");
        }

        await CreateSeeder().SeedAsync(CancellationToken.None);

        await using var check = await OpenAsync();
        var languages = await check.QueryAsync<string>("SELECT language_code FROM state_languages WHERE state_iso3 = 'MRT'");
        Assert.That(languages, Is.EquivalentTo(new[] { "fr" }));
    }

    [Test]
    public async Task AppendOnlyTimeline_UpdateOrDeleteOfAnEvent_IsRejectedByTheDatabase()
    {
        await CreateMigrator().MigrateAsync(CancellationToken.None);
        await using var connection = await OpenAsync();
        var userId = Guid.NewGuid();
        var requestId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await connection.ExecuteAsync(
            "INSERT INTO users (id, username, display_name, role, state_iso3, created_at) VALUES (@userId, 'mli.ca', 'Agent', 'central-authority', 'MLI', @now)",
            new { userId, now });
        await connection.ExecuteAsync(
            "INSERT INTO requests (id, kind, status, requesting_state, requested_state, created_by, created_at, updated_at) VALUES (@requestId, 'mla', 'draft', 'MLI', 'SEN', @userId, @now, @now)",
            new { requestId, userId, now });
        await connection.ExecuteAsync(
            """
            INSERT INTO request_events (request_id, sequence_number, action_code, to_status, actor_user_id, actor_role, actor_state, occurred_on, recorded_at, hash)
            VALUES (@requestId, 1, 'create-draft', 'draft', @userId, 'central-authority', 'MLI', @today, @now, @hash)
            """,
            new { requestId, userId, today = DateOnly.FromDateTime(now.UtcDateTime), now, hash = new string('a', 64) });

        await Assert.CatchAsync(async () => await connection.ExecuteAsync("UPDATE request_events SET note = 'changed'"));
        await Assert.CatchAsync(async () => await connection.ExecuteAsync("DELETE FROM request_events"));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_events WHERE note IS NULL"), Is.EqualTo(1));
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await OpenAsync();
        var counts = new List<string>();
        foreach (var table in ReferenceTables.Append(DatabaseMigrator.MetadataTable))
        {
            counts.Add($"{table}={await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}")}");
        }

        counts.Add(string.Join(',', await connection.QueryAsync<string>("SELECT state_iso3 || ':' || language_code FROM state_languages ORDER BY 1".Replace(" || ':' || ", _database.Engine == DatabaseEngine.SqlServer ? " + ':' + " : " || ':' || ", StringComparison.Ordinal))));
        return string.Join('\n', counts);
    }

    private async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        var connection = _database.Dialect.CreateConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private DatabaseOptions Options => new() { Engine = engine, ConnectionString = _database.ConnectionString };

    private ReferenceDataSeeder CreateSeeder() => new(_database.Dialect, Options, NullLogger<ReferenceDataSeeder>.Instance);

    private DatabaseMigrator CreateMigrator() => new(_database.Dialect, Options, CreateSeeder(), NullLogger<DatabaseMigrator>.Instance);
}
