using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The one place that reads and writes a request's row and its content's child rows (legal bases,
/// offences, persons, assistance items). Columns come from the records by convention
/// (<see cref="RecordColumns{T}"/>): <see cref="RequestContent"/> for what the requesting central
/// authority writes, <see cref="RequestRow"/> for the request's place in its lifecycle,
/// <see cref="RequestProgress"/> for what a step records. Knows nothing of who may do what: callers go
/// through <see cref="RequestAccess"/> and <see cref="RequestSteps"/>.
/// </summary>
public sealed class RequestStore(IDbSession session, IDeadlineFigures deadlineFigures)
{
    private readonly RequestTallies _tallies = new(session);

    /// <summary>
    /// The stored schedule (<see cref="RequestSchedule"/>) of the request aliased <c>r</c>, for every query
    /// that answers deadlines and <c>daysPending</c> (the request, the list, the dashboard).
    /// </summary>
    public const string ScheduleColumns = $"""
        r.transmitted_on AS {nameof(RequestSchedule.TransmittedOn)}, r.closed_on AS {nameof(RequestSchedule.ClosedOn)},
        r.receipt_due_on AS {nameof(RequestSchedule.ReceiptDue)}, r.update_due_on AS {nameof(RequestSchedule.StatusUpdateDue)},
        r.time_limit_due_on AS {nameof(RequestSchedule.TimeLimitDue)}, r.arrest_expires_on AS {nameof(RequestSchedule.ProvisionalArrestExpiry)},
        r.paused_days AS {nameof(RequestSchedule.PausedDays)}, r.paused_since AS {nameof(RequestSchedule.PausedSince)}
        """;

    /// <summary>The column holding each deadline's due date (null while it does not run).</summary>
    public static string DueColumn(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Receipt => "receipt_due_on",
        DeadlineKind.StatusUpdate => "update_due_on",
        DeadlineKind.TimeLimit => "time_limit_due_on",
        DeadlineKind.ProvisionalArrest => "arrest_expires_on",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The earliest due date of all, for "overdue of any kind".</summary>
    public const string NextDueColumn = "next_due_on";

    // Columns named before the convention; new fields never need an entry.
    internal static readonly RecordColumns<RequestContent> ContentColumns = new(new Dictionary<string, string>
    {
        [nameof(RequestContent.Language)] = "language_code",
        [nameof(RequestContent.Supplements)] = "supplements_request_id",
        [nameof(RequestContent.RetrialAvailableInAbsentia)] = "retrial_in_absentia",
    });

    internal static readonly RecordColumns<RequestRow> RowColumns = new();

    private static readonly RecordColumns<RequestProgress> ProgressColumns = new(new Dictionary<string, string>
    {
        [nameof(RequestProgress.Language)] = "language_code",
    });

    internal static readonly ChildTable<Offence> Offences = new("request_offences", new Dictionary<string, string>
    {
        [nameof(Offence.Category)] = "category_code",
    });

    internal static readonly ChildTable<PersonConcerned> Persons = new("request_persons", new Dictionary<string, string>
    {
        [nameof(PersonConcerned.Role)] = "role_code",
    });

    internal static readonly ChildTable<AssistanceItem> Assistance = new("request_assistance_items", new Dictionary<string, string>
    {
        [nameof(AssistanceItem.Type)] = "type_code",
        [nameof(AssistanceItem.Procedure)] = "special_procedure",
    });

    internal static readonly string FindSql = $"""
        SELECT {string.Join(", ", RowColumns.Names.Union(ContentColumns.Names))}
        FROM requests
        WHERE id = @id AND discarded_at IS NULL
        """;

    // The whole row, discarded or not, for the chain: what a step leaves behind is sealed by its event.
    internal static readonly string RecordSql = $"""
        SELECT {string.Join(", ", RowColumns.Names.Union(ContentColumns.Names))}, discarded_at
        FROM requests
        WHERE id = @id
        """;

    private const string OutcomeColumnsSql = "SELECT ordinal, outcome, outcome_note FROM request_assistance_items WHERE request_id = @id";

    private const string RefusalGroundRowsSql = "SELECT applies_to, ground_code FROM request_refusal_grounds WHERE request_id = @id";

    // The record's frozen documents and annexes, mapped like the request's row: each column is a field of
    // the record, named after the table, the entry's id and the column.
    private static readonly RecordColumns<DocumentEntry> DocumentEntryColumns = new(new Dictionary<string, string>
    {
        [nameof(DocumentEntry.Language)] = "language_code",
    });

    private static readonly RecordColumns<AnnexEntry> AnnexEntryColumns = new();

    private static readonly string DocumentEntriesSql = $"SELECT {DocumentEntryColumns.SelectList()} FROM request_documents WHERE request_id = @id";

    private static readonly string AnnexEntriesSql = $"SELECT {AnnexEntryColumns.SelectList()} FROM request_attachments WHERE request_id = @id";

    internal static readonly string UpdateContentSql = $"UPDATE requests SET {ContentColumns.Assignments()} WHERE id = @id";

    // The version is compared in the UPDATE itself: of two writers holding the same ETag, the second
    // waits for the first's row lock and then matches nothing. What a step records goes in the same
    // statement; a value it does not give keeps the column as it was.
    internal static readonly string ClaimSql = $"""
        UPDATE requests SET status = @status, version = version + 1, updated_at = @now, closed_on = COALESCE(@closed_on, closed_on),
            {string.Join(", ", ProgressColumns.Names.Select(c => $"{c} = COALESCE(@{c}, {c})"))}
        WHERE id = @id AND version = @expected
        """;

    internal static readonly string SetProgressSql = $"""
        UPDATE requests SET {string.Join(", ", ProgressColumns.Names.Select(c => $"{c} = COALESCE(@{c}, {c})"))}
        WHERE id = @id
        """;

    private const string InsertRowSql = """
        INSERT INTO requests (id, kind, status, origin, requesting_state, requested_state, requesting_authority_id,
                              urgency, confidential, extradition_will_be_requested, created_by, created_at, updated_at, version)
        VALUES (@id, @kind, @status, @origin, @requesting_state, @requested_state, @authority_id, 'normal', @no, @no, @created_by, @now, @now, 1)
        """;

    private const string UserNameSql = "SELECT display_name FROM users WHERE id = @id";

    // The requesting authority of the request: its State's central authority, when the State is in the reference data.
    private const string CentralAuthoritySql = """
        SELECT id FROM authorities WHERE state_iso3 = @state AND kind = 'central-authority' ORDER BY id
        """;

    private const string HeadSql = "UPDATE requests SET last_event_hash = @hash WHERE id = @id";

    private const string ScheduleSql = "SELECT " + ScheduleColumns + " FROM requests r WHERE r.id = @id";

    private const string StatusChangesSql = $"""
        SELECT occurred_on AS {nameof(EventDates.OccurredOn)}, to_status AS {nameof(EventDates.ToStatus)}, actor_state AS {nameof(EventDates.ActorState)}
        FROM request_events WHERE request_id = @id ORDER BY sequence_number
        """;

    /// <summary>
    /// The schedule's columns on <c>requests</c> and the value each stores: written at the end of every step
    /// (<see cref="SetScheduleSql"/>), and by the synthetic seeder for the requests it writes.
    /// </summary>
    internal static readonly IReadOnlyList<(string Column, Func<RequestSchedule, object?> Value)> StoredSchedule =
    [
        .. Enum.GetValues<DeadlineKind>().Select(kind => (DueColumn(kind), (Func<RequestSchedule, object?>)(schedule => schedule.DueOn(kind)))),
        (NextDueColumn, schedule => schedule.NextDue),
        ("paused_days", schedule => schedule.PausedDays),
        ("paused_since", schedule => schedule.PausedSince),
    ];

    private static readonly string SetScheduleSql =
        $"UPDATE requests SET {string.Join(", ", StoredSchedule.Select(stored => $"{stored.Column} = @{stored.Column}"))} WHERE id = @id";

    // Changes nothing: takes the row's lock, as a step's claim does, so the backfill and a step never interleave.
    private const string LockRowSql = "UPDATE requests SET version = version WHERE id = @id";

    private const string DeleteSearchTermsSql = "DELETE FROM request_search_terms WHERE request_id = @id";

    // Each term carries the request's two States, so a search reads only its own State's terms (migration 0013).
    private const string InsertSearchTermSql = """
        INSERT INTO request_search_terms (term, request_id, requesting_state, requested_state)
        VALUES (@term, @request_id, @requesting_state, @requested_state)
        """;

    private const string DeletePersonKeysSql = "DELETE FROM request_person_keys WHERE request_id = @id";

    private const string InsertPersonKeySql = """
        INSERT INTO request_person_keys (request_id, ordinal, key_kind, key_value) VALUES (@request_id, @ordinal, @key_kind, @key_value)
        """;

    // Discarding keeps the row (its timeline cannot be deleted) but nothing of what was written in it.
    private static readonly string PurgeSql = $"""
        UPDATE requests SET {string.Join(", ", ContentColumns.Names.Except(["kind", "requested_state", "urgency", "confidential", "extradition_will_be_requested"]).Select(c => $"{c} = NULL"))},
            discarded_at = @now
        WHERE id = @id
        """;

    private const string DeleteLegalBasesSql = "DELETE FROM request_legal_bases WHERE request_id = @id";

    private const string DeleteAttachmentsSql = "DELETE FROM request_attachments WHERE request_id = @id";

    private const string InsertLegalBasisSql = """
        INSERT INTO request_legal_bases (request_id, ordinal, legal_basis_code) VALUES (@request_id, @ordinal, @code)
        """;

    private const string LegalBasesSql = "SELECT legal_basis_code FROM request_legal_bases WHERE request_id = @id ORDER BY ordinal";

    private const string OutcomesSql = """
        SELECT ordinal, outcome, outcome_note FROM request_assistance_items
        WHERE request_id = @id AND outcome IS NOT NULL ORDER BY ordinal
        """;

    private const string RecordOutcomeSql = """
        UPDATE request_assistance_items SET outcome = @outcome, outcome_note = @note WHERE request_id = @request_id AND ordinal = @ordinal
        """;

    private const string RefusalGroundsSql = "SELECT ground_code FROM request_refusal_grounds WHERE request_id = @id ORDER BY ground_code";

    private const string InsertRefusalGroundSql = """
        INSERT INTO request_refusal_grounds (request_id, applies_to, ground_code) VALUES (@request_id, @applies_to, @code)
        """;

    private const string HasTranslationSql = "SELECT COUNT(*) FROM request_attachments WHERE request_id = @id AND is_translation = @yes";

    private const string HasAnnexOfTypeSql = "SELECT COUNT(*) FROM request_attachments WHERE request_id = @id AND annex_type = @type";

    /// <summary>The request's row and content, or null when there is none (or it was discarded).</summary>
    public async Task<StoredRequest?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await session.QueryRowsAsync(FindSql, new { id }, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var content = ContentColumns.FromRow(rows[0]) with
        {
            LegalBases = await session.QueryAsync<string>(LegalBasesSql, new { id }, cancellationToken),
            Offences = await Offences.ReadAsync(session, id, cancellationToken),
            Persons = await Persons.ReadAsync(session, id, cancellationToken),
            Assistance = await Assistance.ReadAsync(session, id, cancellationToken),
        };
        return new StoredRequest(RowColumns.FromRow(rows[0]), content);
    }

    /// <summary>
    /// The request's whole record as stored, discarded or not (see <see cref="RequestRecord"/>), or null
    /// when there is no such request. Read inside a step's transaction, after its writes, it is what the
    /// step's event seals.
    /// </summary>
    public async Task<RequestRecord?> ReadRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await session.QueryRowsAsync(RecordSql, new { id }, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var row = RowColumns.FromRow(rows[0]);
        var content = ContentColumns.FromRow(rows[0]);
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string name, object? value) => fields.Add(name, value);

        foreach (var (column, value) in RowColumns.Values(row with { LastEventHash = null }).Concat(ContentColumns.Values(content)))
        {
            fields[$"requests.{column}"] = value;
        }

        Add("requests.discarded_at", ColumnValues.FromColumn(rows[0]["discarded_at"], typeof(DateTimeOffset?)));
        var legalBases = await session.QueryAsync<string>(LegalBasesSql, new { id }, cancellationToken);
        for (var i = 0; i < legalBases.Count; i++)
        {
            Add($"request_legal_bases.{i}.legal_basis_code", legalBases[i]);
        }

        await Offences.AddValuesAsync(session, id, Add, cancellationToken);
        await Persons.AddValuesAsync(session, id, Add, cancellationToken);
        await Assistance.AddValuesAsync(session, id, Add, cancellationToken);
        foreach (var outcome in await session.QueryRowsAsync(OutcomeColumnsSql, new { id }, cancellationToken))
        {
            var ordinal = ColumnValues.FromColumn(outcome["ordinal"], typeof(int));
            Add($"request_assistance_items.{ordinal}.outcome", ColumnValues.FromColumn(outcome["outcome"], typeof(string)));
            Add($"request_assistance_items.{ordinal}.outcome_note", ColumnValues.FromColumn(outcome["outcome_note"], typeof(string)));
        }

        var grounds = (await session.QueryRowsAsync(RefusalGroundRowsSql, new { id }, cancellationToken))
            .Select(ground => $"{ground["applies_to"]}/{ground["ground_code"]}")
            .Order(StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < grounds.Count; i++)
        {
            Add($"request_refusal_grounds.{i}", grounds[i]);
        }

        var documents = await EntriesAsync(DocumentEntriesSql, DocumentEntryColumns, document => document.Id, id, cancellationToken);
        AddEntries("request_documents", DocumentEntryColumns, documents, document => document.Id);
        var annexes = await EntriesAsync(AnnexEntriesSql, AnnexEntryColumns, annex => annex.Id, id, cancellationToken);
        AddEntries("request_attachments", AnnexEntryColumns, annexes, annex => annex.Id);
        return new RequestRecord(row, [.. fields], documents, annexes);

        void AddEntries<T>(string table, RecordColumns<T> columns, IEnumerable<T> entries, Func<T, Guid> idOf)
        {
            foreach (var entry in entries)
            {
                foreach (var (column, value) in columns.Values(entry).Where(field => field.Key != "id"))
                {
                    Add($"{table}.{idOf(entry):D}.{column}", value);
                }
            }
        }
    }

    // Ordered by id in memory: engines sort their ids differently.
    private async Task<List<T>> EntriesAsync<T>(string sql, RecordColumns<T> columns, Func<T, Guid> idOf, Guid requestId, CancellationToken cancellationToken) =>
        [.. (await session.QueryRowsAsync(sql, new { id = requestId }, cancellationToken)).Select(columns.FromRow).OrderBy(entry => idOf(entry).ToString("D"), StringComparer.Ordinal)];

    /// <summary>Inserts a new request at <paramref name="status"/> with its content; version 1, no event yet.</summary>
    public async Task InsertAsync(
        Guid id,
        RequestContent content,
        string requestingState,
        RequestStatus status,
        RequestOrigin origin,
        Guid createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var authorities = await session.QueryAsync<Guid>(CentralAuthoritySql, new { state = requestingState }, cancellationToken);
        // One tally move for the row and its content: the key read before (no row) and after (the new request).
        await _tallies.ChangingAsync(id, async () =>
        {
            await session.ExecuteAsync(InsertRowSql, new
            {
                id,
                kind = content.Kind.ToCode(),
                status = status.ToCode(),
                origin = origin.ToCode(),
                requesting_state = requestingState,
                requested_state = content.RequestedState,
                authority_id = authorities.Count > 0 ? authorities[0] : (Guid?)null,
                no = false,
                created_by = createdBy,
                now,
            }, cancellationToken);
            await WriteContentAsync(id, content, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Replaces everything written in the request, child rows included (its kind and requested State may move its tally).</summary>
    public Task ReplaceContentAsync(Guid id, RequestContent content, CancellationToken cancellationToken) =>
        _tallies.ChangingAsync(id, () => WriteContentAsync(id, content, cancellationToken), cancellationToken);

    private async Task WriteContentAsync(Guid id, RequestContent content, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?> { ["id"] = id };
        ContentColumns.AddParameters(content, parameters);
        await session.ExecuteAsync(UpdateContentSql, parameters, cancellationToken);

        await DeleteChildrenAsync(id, cancellationToken);
        await session.ExecuteAsync(InsertLegalBasisSql,
            content.LegalBases.Select((code, i) => new { request_id = id, ordinal = i, code }).ToList(), cancellationToken);
        await Offences.InsertAsync(session, id, content.Offences, cancellationToken);
        await Persons.InsertAsync(session, id, content.Persons, cancellationToken);
        await InsertPersonKeysAsync(id, content.Persons, cancellationToken);
        await Assistance.InsertAsync(session, id, content.Assistance, cancellationToken);
    }

    /// <summary>
    /// Moves the request on by one step if nobody else did since <paramref name="expectedVersion"/>:
    /// its status, version and what the step records, in one statement. False when another writer came first.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid id, int expectedVersion, RequestStatus status, DateOnly? closedOn, RequestProgress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["expected"] = expectedVersion,
            ["status"] = status.ToCode(),
            ["now"] = now,
            ["closed_on"] = closedOn,
        };
        ProgressColumns.AddParameters(progress, parameters);
        return await _tallies.ChangingAsync(id, () => session.ExecuteAsync(ClaimSql, parameters, cancellationToken), cancellationToken) == 1;
    }

    /// <summary>Records what a request registered as received already has (a request just inserted, not yet claimed by anyone).</summary>
    public Task SetProgressAsync(Guid id, RequestProgress progress, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?> { ["id"] = id };
        ProgressColumns.AddParameters(progress, parameters);
        return session.ExecuteAsync(SetProgressSql, parameters, cancellationToken);
    }

    /// <summary>
    /// Records the hash of the request's newest event, so removing events from the end is noticed.
    /// Then keeps in step what follows from the record and is stored beside it, outside what the chain
    /// seals: the deadlines' due dates and the clock's pauses (<see cref="DeadlineRules"/>), and the
    /// search terms. Every step ends here, so they change with the timeline and nowhere else.
    /// </summary>
    public async Task SetHeadAsync(Guid id, string hash, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(HeadSql, new { id, hash }, cancellationToken);
        await RefreshScheduleAndTermsAsync(id, cancellationToken);
    }

    /// <summary>
    /// Writes again what a step derives from the request and stores beside it (due dates, search terms,
    /// person keys), with the same rules, for requests written before migration 0008 (the progress backfill).
    /// Takes the request row's lock first, like a step: a step on the same request waits, or is waited for.
    /// </summary>
    public async Task RecomputeDerivedRowsAsync(Guid id, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(LockRowSql, new { id }, cancellationToken);
        await session.ExecuteAsync(DeletePersonKeysSql, new { id }, cancellationToken);
        if (await FindAsync(id, cancellationToken) is { Content.Persons: var persons })
        {
            await InsertPersonKeysAsync(id, persons, cancellationToken);
        }

        await RefreshScheduleAndTermsAsync(id, cancellationToken);
    }

    /// <summary>The request's stored schedule: its deadlines and pending days on any day.</summary>
    public async Task<RequestSchedule> LoadScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<RequestSchedule>(ScheduleSql, new { id }, cancellationToken) ?? RequestSchedule.None;

    private async Task RefreshScheduleAndTermsAsync(Guid id, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(id, cancellationToken);
        await session.ExecuteAsync(DeleteSearchTermsSql, new { id }, cancellationToken);
        var schedule = RequestSchedule.None;
        if (stored is { Row: var row, Content: var content })
        {
            var events = await session.QueryAsync<EventDates>(StatusChangesSql, new { id }, cancellationToken);
            schedule = ScheduleOf(row, content, [.. events.Select(e => new StatusEvent(e.OccurredOn, KebabCode.Parse<RequestStatus>(e.ToStatus), e.ActorState))], deadlineFigures);

            // Written with the row's States as they are now: a draft whose requested State changed gets
            // the new one here, at the end of the update's step, in the same transaction.
            await session.ExecuteAsync(InsertSearchTermSql,
                SearchTermsOf(row, content).Select(term => new { term, request_id = id, requesting_state = row.RequestingState, requested_state = row.RequestedState }).ToList(),
                cancellationToken);
        }

        var parameters = new Dictionary<string, object?> { ["id"] = id };
        foreach (var (column, value) in StoredSchedule)
        {
            parameters[column] = value(schedule);
        }

        await session.ExecuteAsync(SetScheduleSql, parameters, cancellationToken);
    }

    /// <summary>
    /// The schedule a request's row, content and timeline (<paramref name="events"/>, in order) call for:
    /// what every step stores, and what the synthetic seeder stores for the requests it writes.
    /// </summary>
    internal static RequestSchedule ScheduleOf(RequestRow row, RequestContent content, IReadOnlyList<StatusEvent> events, IDeadlineFigures figures) =>
        DeadlineRules.Schedule(new ScheduleInput
        {
            Kind = row.Kind,
            Status = row.Status,
            TransmittedOn = row.TransmittedOn,
            ClosedOn = row.ClosedOn,
            TimeLimit = content.TimeLimit,
            ProvisionalArrestOn = row.ProvisionalArrestOn,
            SurrenderedOn = row.SurrenderedOn,
            History = new StatusHistory(events.Select(e => new StatusChange(e.OccurredOn, e.ToStatus))),
            LastRequestedSideEventOn = events.Where(e => e.ActorState == row.RequestedState).Select(e => (DateOnly?)e.OccurredOn).Max(),
        }, figures.FiguresFor(content.LegalBases));

    /// <summary>The words a search finds the request by: its references, its subject and its persons' names, folded.</summary>
    internal static IEnumerable<string> SearchTermsOf(RequestRow row, RequestContent content) =>
        SearchText.Terms([row.ReferenceNumber, row.RequestedSideReference, row.RequestingStateReference, content.Subject, .. content.Persons.Select(p => p.FullName)]);

    /// <summary>The keys related requests are found by: each person's name key and identity document key, where there is one.</summary>
    internal static IEnumerable<(int Ordinal, string Kind, string Value)> PersonKeysOf(IReadOnlyList<PersonConcerned> persons) =>
        persons.SelectMany((person, ordinal) => new[]
            {
                (Ordinal: ordinal, Kind: "name", Value: PersonKeys.NameKey(person.FullName)),
                (Ordinal: ordinal, Kind: "document", Value: PersonKeys.DocumentKey(person.IdentityDocument)),
            })
            .Where(key => key.Value is not null)
            .Select(key => (key.Ordinal, key.Kind, key.Value!));

    private async Task InsertPersonKeysAsync(Guid id, IReadOnlyList<PersonConcerned> persons, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            InsertPersonKeySql,
            PersonKeysOf(persons).Select(key => new { request_id = id, ordinal = key.Ordinal, key_kind = key.Kind, key_value = key.Value }).ToList(),
            cancellationToken);

    /// <summary>
    /// Removes what a discarded draft said, persons and annexes first of all; the row and its timeline
    /// stay. The row is marked discarded first: the database lets annexes be deleted for a discarded draft only.
    /// </summary>
    public async Task PurgeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _tallies.ChangingAsync(id, () => session.ExecuteAsync(PurgeSql, new { id, now }, cancellationToken), cancellationToken);
        await DeleteChildrenAsync(id, cancellationToken);
        await session.ExecuteAsync(DeleteAttachmentsSql, new { id }, cancellationToken);
    }

    public async Task<IReadOnlyList<AssistanceOutcomeDto>> LoadOutcomesAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await session.QueryRowsAsync(OutcomesSql, new { id }, cancellationToken);
        return [.. rows.Select(row => new AssistanceOutcomeDto(
            (int)ColumnValues.FromColumn(row["ordinal"], typeof(int))!,
            (ExecutionOutcome)ColumnValues.FromColumn(row["outcome"], typeof(ExecutionOutcome))!,
            (string?)ColumnValues.FromColumn(row["outcome_note"], typeof(string))))];
    }

    public Task RecordOutcomesAsync(Guid id, IReadOnlyList<ItemOutcome> outcomes, CancellationToken cancellationToken) =>
        session.ExecuteAsync(RecordOutcomeSql,
            outcomes.Select((o, i) => new { request_id = id, ordinal = i, outcome = o.Outcome.ToCode(), note = ColumnValues.ToParameter(o.Note) }).ToList(),
            cancellationToken);

    public Task<IReadOnlyList<string>> LoadRefusalGroundsAsync(Guid id, CancellationToken cancellationToken) =>
        session.QueryAsync<string>(RefusalGroundsSql, new { id }, cancellationToken);

    public Task AddRefusalGroundsAsync(Guid id, string appliesTo, IEnumerable<string> grounds, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertRefusalGroundSql,
            grounds.Distinct(StringComparer.Ordinal).Select(code => new { request_id = id, applies_to = appliesTo, code }).ToList(), cancellationToken);

    /// <summary>A user's display name, as the timeline shows it (null for an unknown id).</summary>
    public Task<string?> UserNameAsync(Guid userId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<string>(UserNameSql, new { id = userId }, cancellationToken);

    public async Task<bool> HasTranslationAsync(Guid id, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(HasTranslationSql, new { id, yes = true }, cancellationToken) > 0;

    /// <summary>Whether the request holds an annex of this type (e.g. the text of the law, for extradition).</summary>
    public async Task<bool> HasAnnexOfTypeAsync(Guid id, AnnexType type, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(HasAnnexOfTypeSql, new { id, type = type.ToCode() }, cancellationToken) > 0;

    private async Task DeleteChildrenAsync(Guid id, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(DeleteLegalBasesSql, new { id }, cancellationToken);
        await Offences.DeleteAsync(session, id, cancellationToken);
        await Persons.DeleteAsync(session, id, cancellationToken);
        await session.ExecuteAsync(DeletePersonKeysSql, new { id }, cancellationToken);
        await Assistance.DeleteAsync(session, id, cancellationToken);
    }

    /// <summary>A list of the content stored one row per item, in order, columns by convention.</summary>
    internal sealed class ChildTable<T>(string table, IReadOnlyDictionary<string, string> legacyNames)
    {
        private readonly RecordColumns<T> _columns = new(legacyNames);

        /// <summary>The table's name, for writers that insert rows in bulk (synthetic data).</summary>
        public string Table => table;

        /// <summary>The item's columns beside <c>request_id</c> and <c>ordinal</c>.</summary>
        public RecordColumns<T> Columns => _columns;

        private string SelectSql => $"SELECT {_columns.SelectList()} FROM {table} WHERE request_id = @id ORDER BY ordinal";

        private string InsertSql => $"INSERT INTO {table} (request_id, ordinal, {_columns.SelectList()}) VALUES (@request_id, @ordinal, {_columns.Parameters()})";

        private string DeleteSql => $"DELETE FROM {table} WHERE request_id = @id";

        public IEnumerable<string> Statements => [SelectSql, InsertSql, DeleteSql];

        public async Task<IReadOnlyList<T>> ReadAsync(IDbSession session, Guid id, CancellationToken cancellationToken) =>
            [.. (await session.QueryRowsAsync(SelectSql, new { id }, cancellationToken)).Select(_columns.FromRow)];

        public Task<int> InsertAsync(IDbSession session, Guid id, IReadOnlyList<T> items, CancellationToken cancellationToken) =>
            session.ExecuteAsync(InsertSql, items.Select((item, i) =>
            {
                var parameters = new Dictionary<string, object?> { ["request_id"] = id, ["ordinal"] = i };
                _columns.AddParameters(item, parameters);
                return parameters;
            }).ToList(), cancellationToken);

        public Task<int> DeleteAsync(IDbSession session, Guid id, CancellationToken cancellationToken) =>
            session.ExecuteAsync(DeleteSql, new { id }, cancellationToken);

        /// <summary>Each item's values as the record's fields: <c>table.index.column</c>.</summary>
        public async Task AddValuesAsync(IDbSession session, Guid id, Action<string, object?> add, CancellationToken cancellationToken)
        {
            var items = await ReadAsync(session, id, cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                foreach (var (column, value) in _columns.Values(items[i]))
                {
                    add($"{table}.{i}.{column}", value);
                }
            }
        }
    }

    /// <summary>Every statement built from the records, for the SQL Server parse check.</summary>
    internal static IEnumerable<string> GeneratedStatements() =>
        [FindSql, RecordSql, UpdateContentSql, ClaimSql, SetProgressSql, PurgeSql, .. Offences.Statements, .. Persons.Statements, .. Assistance.Statements];
}

/// <summary>What the schedule reads of one event: its day, the status it left the request in, and whose State recorded it.</summary>
/// <summary>What the schedule needs of an event: its date, the status it left the request in and the State of who recorded it.</summary>
internal sealed record StatusEvent(DateOnly OccurredOn, RequestStatus ToStatus, string? ActorState);

internal sealed record EventDates
{
    public DateOnly OccurredOn { get; init; }

    public required string ToStatus { get; init; }

    public string? ActorState { get; init; }
}

/// <summary>A request as stored: where it stands in its lifecycle, and what it says.</summary>
public sealed record StoredRequest(RequestRow Row, RequestContent Content);

/// <summary>A request's place in its lifecycle (the columns of <c>requests</c> that are not content).</summary>
public sealed record RequestRow : RequestStepValues
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public RequestKind Kind { get; init; }

    public RequestStatus Status { get; init; }

    /// <summary>Drafted and transmitted through Mla, or registered by the requested State on receipt.</summary>
    public RequestOrigin Origin { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    /// <summary>The requesting State's own reference, as written on a request registered on receipt.</summary>
    public string? RequestingStateReference { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }

    public string? LastEventHash { get; init; }
}

/// <summary>
/// What a lifecycle step records on the request beside its status: each step gives the values it
/// sets, the others stay as they were.
/// </summary>
public sealed record RequestProgress : RequestStepValues
{
    public static RequestProgress None { get; } = new();

    public string? ReferenceNumber { get; init; }

    public string? RequestingStateReference { get; init; }

    /// <summary>The language the request was transmitted in (part of its content).</summary>
    public string? Language { get; init; }
}

/// <summary>The outcome of one assistance item, as the requested side records it.</summary>
public sealed record ItemOutcome(ExecutionOutcome Outcome, string? Note);
