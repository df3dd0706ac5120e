using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>What a run of <c>seed-synthetic</c> wrote.</summary>
public sealed record SyntheticSeedReport(int Requests, long Events, TimeSpan Elapsed, long FirstPosition);

/// <summary>Why <c>seed-synthetic</c> would not write into a database: said to the operator, nothing written.</summary>
public sealed class SyntheticSeedRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Writes synthetic requests in bulk (the <c>seed-synthetic</c> verb): planned and sealed in memory on every
/// core (<see cref="SyntheticRequestFactory"/>), numbered from the State registers' counters, then written a
/// batch per transaction through <see cref="BulkRowWriter"/> with the same column maps as
/// <see cref="RequestStore"/>, the counters moved past the numbers used in the same transaction. The next
/// batch is prepared while one is written. A run continues after the requests already there, so running
/// it again adds requests; the same seed on the same database state and day gives the same data.
/// Meant for an idle database (tests, benchmarks, demonstrations): concurrent transmissions would
/// compete for the same counters.
/// </summary>
public sealed partial class SyntheticSeeder(DatabaseOptions options, ISqlDialect dialect, IDeadlineFigures deadlineFigures)
{
    public const int DefaultBatchSize = 5000;

    private static readonly Role[] ActingRoles = [Role.CentralAuthority, Role.FocalPoint, Role.Prosecutor];

    private static readonly string[] EventColumns =
    [
        "request_id", "sequence_number", "action_code", "from_status", "to_status", "actor_user_id", "actor_role", "actor_state",
        "occurred_on", "recorded_at", "note", "payload", "previous_hash", "hash", "hash_format", "record_sha256",
    ];

    private static readonly string[] RequestColumns =
        [.. RequestStore.RowColumns.Names.Union(RequestStore.ContentColumns.Names), "requesting_authority_id", .. SyntheticDerivedRows.ScheduleColumns];

    /// <summary>The tables a run writes many rows into: their secondary indexes are dropped for the load and created again after it.</summary>
    private static readonly string[] LoadedTables =
    [
        "requests", "request_legal_bases", RequestStore.Offences.Table, RequestStore.Persons.Table, RequestStore.Assistance.Table,
        "request_refusal_grounds", "request_events", "request_search_terms", "request_person_keys",
    ];

    private const string StatesSql = "SELECT iso3 FROM states ORDER BY iso3";

    private const string LanguagesSql =
        $"SELECT state_iso3 AS {nameof(StateLanguage.State)}, language_code AS {nameof(StateLanguage.Language)} FROM state_languages ORDER BY state_iso3, preference";

    private const string CentralAuthoritiesSql =
        $"SELECT state_iso3 AS {nameof(StateAuthority.State)}, id AS {nameof(StateAuthority.Id)} FROM authorities WHERE kind = 'central-authority' ORDER BY id";

    private const string RequestCountSql = "SELECT COUNT(*) FROM requests";

    private const string CountersSql = $"""
        SELECT state_iso3 AS {nameof(CounterRow.State)}, register AS {nameof(CounterRow.Register)}, kind AS {nameof(CounterRow.Kind)},
               year AS {nameof(CounterRow.Year)}, last_number AS {nameof(CounterRow.LastNumber)} FROM reference_counters
        """;

    private const string UserIdSql = "SELECT id FROM users WHERE username = @username";

    private const string InsertUserSql = """
        INSERT INTO users (id, username, display_name, function_title, role, state_iso3, is_disabled, failed_sign_ins, created_at)
        VALUES (@id, @username, @display_name, @function_title, @role, @state_iso3, @no, 0, @created_at)
        """;

    private const string UpdateCounterSql = """
        UPDATE reference_counters SET last_number = @last_number
        WHERE state_iso3 = @state_iso3 AND register = @register AND kind = @kind AND year = @year
        """;

    public async Task<SyntheticSeedReport> SeedAsync(int count, int seed, DateOnly asOf, int batchSize, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clock = Stopwatch.StartNew();
        await using var connection = dialect.CreateConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var world = await WorldAsync(connection, asOf, cancellationToken);
        var first = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RequestCountSql, cancellationToken: cancellationToken));
        var counters = (await connection.QueryAsync<CounterRow>(new CommandDefinition(CountersSql, cancellationToken: cancellationToken)))
            .ToDictionary(c => (c.State, c.Register, c.Kind, c.Year), c => c.LastNumber);
        var writer = BulkRowWriter.For(dialect.Engine);
        await RefuseMissingIndexesAsync(writer, connection, cancellationToken);

        long events = 0;
        var written = 0;
        var endLoad = await writer.BeginLoadAsync(connection, cancellationToken);
        IReadOnlyList<SecondaryIndex> dropped = [];
        try
        {
            // Inserting into some 40 indexes row by row, at random places (the ids are random), is what slows a
            // load past the page cache: a run that at least adds a quarter of what is there drops them and
            // builds each once from the table at the end, a sort instead of millions of random writes.
            if (count > 0 && count >= first / 4)
            {
                dropped = [.. (await writer.SecondaryIndexesAsync(connection, LoadedTables, cancellationToken)).Where(writer.RecreatesExactly)];
                foreach (var index in dropped)
                {
                    await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX {index.Name}", cancellationToken: cancellationToken));
                }
            }

            // The next batch is planned, numbered, sealed and made into rows on the other cores while this one is written.
            var next = count > 0 ? Task.Run(() => Prepare(world, seed, first, Math.Min(batchSize, count), counters, deadlineFigures), cancellationToken) : null;
            // Where the time goes: waiting for the generation (planning and sealing) or writing.
            var waiting = new Stopwatch();
            var writing = new Stopwatch();
            while (next is not null)
            {
                waiting.Start();
                var (batch, rows, counted) = await next;
                waiting.Stop();
                var done = written + batch.Length;
                next = done < count ? Task.Run(() => Prepare(world, seed, first + done, Math.Min(batchSize, count - done), counters, deadlineFigures), cancellationToken) : null;

                writing.Start();
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                {
                    foreach (var (table, columns, tableRows) in rows.Where(table => table.Rows.Count > 0))
                    {
                        await writer.WriteAsync(connection, transaction, table, columns, tableRows, cancellationToken);
                    }

                    await SaveCountersAsync(connection, transaction, counted, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                writing.Stop();

                written = done;
                events += batch.Sum(r => r.Events.Count);
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{written} of {count} request(s) written ({events} events), {clock.Elapsed.TotalSeconds:F1} s, {written / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0} requests/s (waiting for generation {waiting.Elapsed.TotalSeconds:F1} s, writing {writing.Elapsed.TotalSeconds:F1} s)"));
            }
        }
        finally
        {
            // Whatever happened above, the indexes come back as the catalogue defined them (not cancellable:
            // a database without them would serve every search by reading whole tables).
            var rebuilding = Stopwatch.StartNew();
            foreach (var index in dropped)
            {
                await connection.ExecuteAsync(new CommandDefinition(index.Definition, commandTimeout: 0, cancellationToken: CancellationToken.None));
            }

            if (dropped.Count > 0)
            {
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{dropped.Count} index(es) created again in {rebuilding.Elapsed.TotalSeconds:F1} s"));
            }

            await endLoad();
        }

        if (count > 0)
        {
            // The rows above were written around RequestStore, which keeps the tallies: count them again.
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(RequestTallies.RebuildSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            // Fresh statistics, as PostgreSQL's autovacuum would gather them some minutes later. SQLite keeps
            // none unless asked: without them its planner takes an equality on a State for ten rows and
            // drives a free-text search from the State's requests instead of the words' few (see
            // docs/PERFORMANCE.md).
            var analysing = Stopwatch.StartNew();
            await writer.AfterLoadAsync(connection, cancellationToken);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"statistics gathered in {analysing.Elapsed.TotalSeconds:F1} s"));
        }

        return new SyntheticSeedReport(written, events, clock.Elapsed, first);
    }

    // A run stopped between dropping the indexes and creating them again (killed, machine down) leaves a
    // database without them, which would serve every search by reading whole tables. The migrations say
    // which indexes the loaded tables have: a database that lacks one is refused, not seeded further.
    private async Task RefuseMissingIndexesAsync(BulkRowWriter writer, DbConnection connection, CancellationToken cancellationToken)
    {
        if (!writer.RebuildsIndexes)
        {
            return;
        }

        var present = (await writer.SecondaryIndexesAsync(connection, LoadedTables, cancellationToken)).Select(index => index.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = MigratedIndexes(Path.Combine(DatabaseMigrator.ScriptsRoot, dialect.MigrationsFolder))
            .Where(index => LoadedTables.Contains(index.Table, StringComparer.OrdinalIgnoreCase) && !present.Contains(index.Name))
            .Select(index => index.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            throw new SyntheticSeedRefusedException(
                $"The database lacks {missing.Count} index(es) its migrations created ({string.Join(", ", missing)}): an earlier seed-synthetic run was "
                + "probably stopped before it created them again. Throw this synthetic database away and seed a new one.");
        }
    }

    /// <summary>The indexes the migration scripts leave, with their tables: created, dropped, or gone with a table dropped or renamed.</summary>
    public static IReadOnlyList<(string Name, string Table)> MigratedIndexes(string folder)
    {
        var indexes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var text = SqlComment().Replace(File.ReadAllText(script), "");
            foreach (Match statement in IndexStatement().Matches(text))
            {
                if (statement.Groups["created"].Success)
                {
                    indexes[statement.Groups["created"].Value] = statement.Groups["on"].Value;
                }
                else if (statement.Groups["dropped"].Success)
                {
                    indexes.Remove(statement.Groups["dropped"].Value);
                }
                else if (statement.Groups["droppedTable"].Success)
                {
                    foreach (var gone in indexes.Where(i => string.Equals(i.Value, statement.Groups["droppedTable"].Value, StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        indexes.Remove(gone.Key);
                    }
                }
                else
                {
                    foreach (var moved in indexes.Where(i => string.Equals(i.Value, statement.Groups["renamed"].Value, StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        indexes[moved.Key] = statement.Groups["to"].Value;
                    }
                }
            }
        }

        return [.. indexes.Select(i => (i.Key, i.Value))];
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex SqlComment();

    [GeneratedRegex(
        @"CREATE\s+(?:UNIQUE\s+)?(?:NONCLUSTERED\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<created>\w+)\s+ON\s+(?:\w+\.)?(?<on>\w+)"
        + @"|DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(?:\w+\.)?(?<dropped>\w+)"
        + @"|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:\w+\.)?(?<droppedTable>\w+)"
        + @"|ALTER\s+TABLE\s+(?:\w+\.)?(?<renamed>\w+)\s+RENAME\s+TO\s+(?<to>\w+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex IndexStatement();

    // Batches are prepared one after another (each waits for the previous to be taken), so numbers follow positions.
    // The rows too are made here, off the writing thread, which then only writes.
    private static (SyntheticRequest[] Batch, List<TableRows> Rows, Dictionary<(string, string, string, int), int> Counted) Prepare(
        SyntheticWorld world, int seed, long first, int size, Dictionary<(string State, string Register, string Kind, int Year), int> counters, IDeadlineFigures figures)
    {
        var batch = new SyntheticRequest[size];
        Parallel.For(0, size, i => batch[i] = SyntheticRequestFactory.Plan(world, seed, first + i));
        Dictionary<(string, string, string, int), int> counted = [];
        foreach (var request in batch)
        {
            if (request.Counter is not { } counter)
            {
                continue;
            }

            var key = (counter.State, counter.Register.ToCode(), counter.Kind.ToCode(), counter.Year);
            var sequence = counters.GetValueOrDefault(key) + 1;
            counters[key] = counted[key] = sequence;
            request.ReferenceNumber = new ReferenceNumber(counter.State, counter.Kind, counter.Year, sequence, counter.Register);
        }

        Parallel.ForEach(batch, SyntheticRequestFactory.Seal);
        return (batch, Rows(batch, figures), counted);
    }

    // The counters move past the numbers the batch used, in the batch's transaction.
    private async Task SaveCountersAsync(DbConnection connection, DbTransaction transaction, Dictionary<(string, string, string, int), int> counted, CancellationToken cancellationToken)
    {
        var insert = dialect.InsertIfAbsent("reference_counters", ["state_iso3", "register", "kind", "year", "last_number"], ["state_iso3", "register", "kind", "year"]);
        foreach (var ((state, register, kind, year), last) in counted)
        {
            var parameters = new { state_iso3 = state, register, kind, year, last_number = last };
            await connection.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(UpdateCounterSql, parameters, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The rows of one table, in the order a batch writes them.</summary>
    private sealed record TableRows(string Table, string[] Columns, List<object?[]> Rows);

    // Each table's rows of the batch, parents before children.
    private static List<TableRows> Rows(SyntheticRequest[] batch, IDeadlineFigures figures)
    {
        List<object?[]> requests = new(batch.Length);
        List<object?[]> legalBases = [];
        List<object?[]> offences = [];
        List<object?[]> persons = [];
        List<object?[]> assistance = [];
        List<object?[]> grounds = [];
        List<object?[]> events = [];
        List<object?[]> terms = [];
        List<object?[]> personKeys = [];
        var offenceColumns = Children(RequestStore.Offences);
        var personColumns = Children(RequestStore.Persons);
        string[] assistanceColumns = [.. Children(RequestStore.Assistance), "outcome", "outcome_note"];
        foreach (var request in batch)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["requesting_authority_id"] = request.RequestingAuthorityId };
            RequestStore.RowColumns.AddParameters(request.Row!, values);
            RequestStore.ContentColumns.AddParameters(request.Content, values);
            var schedule = SyntheticDerivedRows.ScheduleValues(request, figures);
            for (var i = 0; i < schedule.Length; i++)
            {
                values[SyntheticDerivedRows.ScheduleColumns[i]] = schedule[i];
            }

            requests.Add([.. RequestColumns.Select(column => values[column])]);
            terms.AddRange(SyntheticDerivedRows.SearchTerms(request));
            personKeys.AddRange(SyntheticDerivedRows.PersonKeyRows(request));

            var content = request.Content;
            for (var i = 0; i < content.LegalBases.Count; i++)
            {
                legalBases.Add([request.Id, i, content.LegalBases[i]]);
            }

            AddChildren(offences, offenceColumns, RequestStore.Offences, request.Id, content.Offences);
            AddChildren(persons, personColumns, RequestStore.Persons, request.Id, content.Persons);
            for (var i = 0; i < content.Assistance.Count; i++)
            {
                var item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["request_id"] = request.Id, ["ordinal"] = i };
                RequestStore.Assistance.Columns.AddParameters(content.Assistance[i], item);
                item["outcome"] = request.Outcomes?[i].Outcome.ToCode();
                item["outcome_note"] = ColumnValues.ToParameter(request.Outcomes?[i].Note);
                assistance.Add([.. assistanceColumns.Select(column => item[column])]);
            }

            if (request.RefusalGrounds is { } refusal)
            {
                foreach (var code in refusal.Codes.Distinct(StringComparer.Ordinal))
                {
                    grounds.Add([request.Id, refusal.AppliesTo, code]);
                }
            }

            foreach (var chained in request.Events)
            {
                var e = chained.Event;
                events.Add(
                [
                    e.RequestId, e.SequenceNumber, e.ActionCode, e.FromStatus?.ToCode(), e.ToStatus.ToCode(), e.ActorUserId, e.ActorRole.ToCode(), e.ActorState,
                    e.OccurredOn, e.RecordedAt, e.Note, e.Payload, chained.PreviousHash, chained.Hash, Mla.Domain.Timeline.EventChain.FormatOf(e), e.RecordSha256,
                ]);
            }
        }

        // Ordered by term, the batch's terms go into the primary key (term, request_id) page after page
        // instead of at random places: fewer pages to read and write once the key outgrows the cache.
        terms.Sort((x, y) => string.CompareOrdinal((string?)x[0], (string?)y[0]));
        return
        [
            new("requests", RequestColumns, requests),
            new("request_legal_bases", ["request_id", "ordinal", "legal_basis_code"], legalBases),
            new(RequestStore.Offences.Table, offenceColumns, offences),
            new(RequestStore.Persons.Table, personColumns, persons),
            new(RequestStore.Assistance.Table, assistanceColumns, assistance),
            new("request_refusal_grounds", ["request_id", "applies_to", "ground_code"], grounds),
            new("request_events", EventColumns, events),
            new("request_search_terms", ["term", "request_id", "requesting_state", "requested_state"], terms),
            new("request_person_keys", ["request_id", "ordinal", "key_kind", "key_value"], personKeys),
        ];
    }

    private static string[] Children<T>(RequestStore.ChildTable<T> table) => ["request_id", "ordinal", .. table.Columns.Names];

    private static void AddChildren<T>(List<object?[]> rows, string[] columns, RequestStore.ChildTable<T> table, Guid requestId, IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["request_id"] = requestId, ["ordinal"] = i };
            table.Columns.AddParameters(items[i], values);
            rows.Add([.. columns.Select(column => values[column])]);
        }
    }

    // The States, their languages and central authorities, and a synthetic user per State and acting role
    // (created once, without a password: they act in timelines, nobody signs in as them).
    private static async Task<SyntheticWorld> WorldAsync(DbConnection connection, DateOnly asOf, CancellationToken cancellationToken)
    {
        var states = (await connection.QueryAsync<string>(new CommandDefinition(StatesSql, cancellationToken: cancellationToken))).ToList();
        var accepted = (await connection.QueryAsync<StateLanguage>(new CommandDefinition(LanguagesSql, cancellationToken: cancellationToken)))
            .GroupBy(l => l.State)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Language).ToList(), StringComparer.Ordinal);
        // A request is written in a language the requested State accepts: French where Arabic is accepted beside it.
        var languages = states.ToDictionary(
            state => state,
            state => accepted.GetValueOrDefault(state)?.FirstOrDefault(l => l is "fr" or "en" or "pt") ?? "fr",
            StringComparer.Ordinal);
        var authorities = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var authority in await connection.QueryAsync<StateAuthority>(new CommandDefinition(CentralAuthoritiesSql, cancellationToken: cancellationToken)))
        {
            authorities.TryAdd(authority.State, authority.Id);
        }

        var actors = new Dictionary<(string, Role), SyntheticActor>();
        foreach (var state in states)
        {
            foreach (var role in ActingRoles)
            {
                var username = $"synthetic.{state.ToLowerInvariant()}.{role switch { Role.CentralAuthority => "ca", Role.FocalPoint => "fp", _ => "pros" }}";
                var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(UserIdSql, new { username }, cancellationToken: cancellationToken));
                if (id is null)
                {
                    id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(username)).AsSpan(0, 16));
                    await connection.ExecuteAsync(new CommandDefinition(InsertUserSql, new
                    {
                        id,
                        username,
                        display_name = $"{role.ToCode()} {state} (synthetic data)",
                        function_title = "Synthetic data",
                        role = role.ToCode(),
                        state_iso3 = state,
                        no = false,
                        created_at = new DateTimeOffset(asOf.AddYears(-6).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    }, cancellationToken: cancellationToken));
                }

                actors[(state, role)] = new SyntheticActor(id.Value, role, state);
            }
        }

        return new SyntheticWorld(asOf, states, languages, authorities, actors);
    }

    private sealed record StateLanguage
    {
        public required string State { get; init; }

        public required string Language { get; init; }
    }

    private sealed record StateAuthority
    {
        public required string State { get; init; }

        public Guid Id { get; init; }
    }

    private sealed record CounterRow
    {
        public required string State { get; init; }

        public required string Register { get; init; }

        public required string Kind { get; init; }

        public int Year { get; init; }

        public int LastNumber { get; init; }
    }
}
