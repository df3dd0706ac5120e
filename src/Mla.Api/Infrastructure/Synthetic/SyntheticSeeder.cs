using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>What a run of <c>seed-synthetic</c> wrote.</summary>
public sealed record SyntheticSeedReport(int Requests, long Events, TimeSpan Elapsed, long FirstPosition);

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
public sealed class SyntheticSeeder(DatabaseOptions options, ISqlDialect dialect, IDeadlineFigures deadlineFigures)
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
        await writer.PrepareAsync(connection, cancellationToken);

        long events = 0;
        var written = 0;
        // The next batch is planned, numbered and sealed on the other cores while this one is written.
        var next = count > 0 ? Task.Run(() => Prepare(world, seed, first, Math.Min(batchSize, count), counters), cancellationToken) : null;
        while (next is not null)
        {
            var (batch, counted) = await next;
            var done = written + batch.Length;
            next = done < count ? Task.Run(() => Prepare(world, seed, first + done, Math.Min(batchSize, count - done), counters), cancellationToken) : null;

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await WriteAsync(writer, connection, transaction, batch, deadlineFigures, cancellationToken);
            await SaveCountersAsync(connection, transaction, counted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            written = done;
            events += batch.Sum(r => r.Events.Count);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{written} of {count} request(s) written ({events} events), {clock.Elapsed.TotalSeconds:F1} s, {written / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0} requests/s"));
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
            // docs/PERFORMANCE.md). Text, not a procedure: Dapper takes a one-word command for one.
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandTimeout: 0, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken));
        }

        return new SyntheticSeedReport(written, events, clock.Elapsed, first);
    }

    // Batches are prepared one after another (each waits for the previous to be taken), so numbers follow positions.
    private static (SyntheticRequest[] Batch, Dictionary<(string, string, string, int), int> Counted) Prepare(
        SyntheticWorld world, int seed, long first, int size, Dictionary<(string State, string Register, string Kind, int Year), int> counters)
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
        return (batch, counted);
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

    private static async Task WriteAsync(BulkRowWriter writer, DbConnection connection, DbTransaction transaction, SyntheticRequest[] batch, IDeadlineFigures figures, CancellationToken cancellationToken)
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

        await writer.WriteAsync(connection, transaction, "requests", RequestColumns, requests, cancellationToken);
        await writer.WriteAsync(connection, transaction, "request_legal_bases", ["request_id", "ordinal", "legal_basis_code"], legalBases, cancellationToken);
        await writer.WriteAsync(connection, transaction, RequestStore.Offences.Table, offenceColumns, offences, cancellationToken);
        await writer.WriteAsync(connection, transaction, RequestStore.Persons.Table, personColumns, persons, cancellationToken);
        await writer.WriteAsync(connection, transaction, RequestStore.Assistance.Table, assistanceColumns, assistance, cancellationToken);
        if (grounds.Count > 0)
        {
            await writer.WriteAsync(connection, transaction, "request_refusal_grounds", ["request_id", "applies_to", "ground_code"], grounds, cancellationToken);
        }

        await writer.WriteAsync(connection, transaction, "request_events", EventColumns, events, cancellationToken);
        await writer.WriteAsync(connection, transaction, "request_search_terms", ["term", "request_id", "requesting_state", "requested_state"], terms, cancellationToken);
        await writer.WriteAsync(connection, transaction, "request_person_keys", ["request_id", "ordinal", "key_kind", "key_value"], personKeys, cancellationToken);
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
