using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Reads and writes a request's row and its child rows (legal bases, offences, persons, assistance
/// items, refusal grounds). Knows nothing of who may do what: callers go through <see cref="RequestAccess"/>.
/// </summary>
public sealed class RequestStore(IDbSession session)
{
    private const string FindRowSql = """
        SELECT id AS Id, reference_number AS ReferenceNumber, kind AS Kind, status AS Status,
               requesting_state AS RequestingState, requested_state AS RequestedState,
               investigating_authority_name AS InvestigatingAuthorityName,
               investigating_authority_function AS InvestigatingAuthorityFunction,
               subject AS Subject, facts AS Facts, purpose AS Purpose, urgency AS Urgency, urgency_reason AS UrgencyReason,
               time_limit AS TimeLimit, language_code AS LanguageCode, confidential AS Confidential,
               supplements_request_id AS Supplements, bilateral_treaty_name AS BilateralTreatyName,
               extradition_purpose AS ExtraditionPurpose,
               warrant_issuing_authority AS WarrantIssuingAuthority, warrant_date AS WarrantDate, warrant_reference AS WarrantReference,
               judgment_issuing_authority AS JudgmentIssuingAuthority, judgment_date AS JudgmentDate, judgment_reference AS JudgmentReference,
               sentence_remaining AS SentenceRemaining, enforceable_sentence_proof AS EnforceableSentenceProof,
               retrial_in_absentia AS RetrialAvailableInAbsentia, extradition_will_be_requested AS ExtraditionWillBeRequested,
               transmission_channel AS TransmissionChannel, transmitted_on AS TransmittedOn, received_on AS ReceivedOn,
               requested_side_reference AS RequestedSideReference, executing_authority AS ExecutingAuthority,
               extradition_decision AS ExtraditionDecision, provisional_arrest_on AS ProvisionalArrestOn,
               surrendered_on AS SurrenderedOn, closed_on AS ClosedOn,
               created_by AS CreatedBy, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version,
               last_event_hash AS LastEventHash
        FROM requests
        WHERE id = @id AND discarded_at IS NULL
        """;

    private const string InsertRowSql = """
        INSERT INTO requests (id, kind, status, requesting_state, requested_state, requesting_authority_id,
                              urgency, confidential, extradition_will_be_requested, created_by, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Status, @RequestingState, @RequestedState, @AuthorityId, 'normal', @No, @No, @CreatedBy, @Now, @Now, 1)
        """;

    // The requesting authority of the request: its State's central authority, when the State is in the reference data.
    private const string CentralAuthoritySql = """
        SELECT id FROM authorities WHERE state_iso3 = @state AND kind = 'central-authority' ORDER BY id
        """;

    private const string UpdateContentSql = """
        UPDATE requests SET
            kind = @Kind, requested_state = @RequestedState,
            investigating_authority_name = @InvestigatingAuthorityName, investigating_authority_function = @InvestigatingAuthorityFunction,
            subject = @Subject, facts = @Facts, purpose = @Purpose, urgency = @Urgency, urgency_reason = @UrgencyReason,
            time_limit = @TimeLimit, language_code = @Language, confidential = @Confidential,
            supplements_request_id = @Supplements, bilateral_treaty_name = @BilateralTreatyName,
            extradition_purpose = @ExtraditionPurpose,
            warrant_issuing_authority = @WarrantIssuingAuthority, warrant_date = @WarrantDate, warrant_reference = @WarrantReference,
            judgment_issuing_authority = @JudgmentIssuingAuthority, judgment_date = @JudgmentDate, judgment_reference = @JudgmentReference,
            sentence_remaining = @SentenceRemaining, enforceable_sentence_proof = @EnforceableSentenceProof,
            retrial_in_absentia = @RetrialAvailableInAbsentia, extradition_will_be_requested = @ExtraditionWillBeRequested
        WHERE id = @Id
        """;

    // Discarding keeps the row (its timeline cannot be deleted) but nothing of what was written in it.
    private const string PurgeSql = """
        UPDATE requests SET
            investigating_authority_name = NULL, investigating_authority_function = NULL, subject = NULL, facts = NULL,
            purpose = NULL, urgency_reason = NULL, time_limit = NULL, supplements_request_id = NULL, bilateral_treaty_name = NULL,
            warrant_issuing_authority = NULL, warrant_date = NULL, warrant_reference = NULL,
            judgment_issuing_authority = NULL, judgment_date = NULL, judgment_reference = NULL,
            sentence_remaining = NULL, enforceable_sentence_proof = NULL, retrial_in_absentia = NULL,
            discarded_at = @now
        WHERE id = @id
        """;

    private const string DeleteLegalBasesSql = "DELETE FROM request_legal_bases WHERE request_id = @id";

    private const string DeleteOffencesSql = "DELETE FROM request_offences WHERE request_id = @id";

    private const string DeletePersonsSql = "DELETE FROM request_persons WHERE request_id = @id";

    private const string DeleteAssistanceSql = "DELETE FROM request_assistance_items WHERE request_id = @id";

    private const string InsertLegalBasisSql = """
        INSERT INTO request_legal_bases (request_id, ordinal, legal_basis_code) VALUES (@RequestId, @Ordinal, @Code)
        """;

    private const string InsertOffenceSql = """
        INSERT INTO request_offences (request_id, ordinal, category_code, description, legal_provision, max_penalty)
        VALUES (@RequestId, @Ordinal, @Category, @Description, @LegalProvision, @MaxPenalty)
        """;

    private const string InsertPersonSql = """
        INSERT INTO request_persons (request_id, ordinal, role_code, full_name, nationality, date_of_birth, location, identity_document)
        VALUES (@RequestId, @Ordinal, @Role, @FullName, @Nationality, @DateOfBirth, @Location, @IdentityDocument)
        """;

    private const string InsertAssistanceSql = """
        INSERT INTO request_assistance_items (request_id, ordinal, type_code, description, special_procedure)
        VALUES (@RequestId, @Ordinal, @Type, @Description, @Procedure)
        """;

    private const string LegalBasesSql = """
        SELECT legal_basis_code FROM request_legal_bases WHERE request_id = @id ORDER BY ordinal
        """;

    private const string OffencesSql = """
        SELECT category_code AS Category, description AS Description, legal_provision AS LegalProvision, max_penalty AS MaxPenalty
        FROM request_offences WHERE request_id = @id ORDER BY ordinal
        """;

    private const string PersonsSql = """
        SELECT role_code AS Role, full_name AS FullName, nationality AS Nationality, date_of_birth AS DateOfBirth,
               location AS Location, identity_document AS IdentityDocument
        FROM request_persons WHERE request_id = @id ORDER BY ordinal
        """;

    private const string AssistanceSql = """
        SELECT type_code AS Type, description AS Description, special_procedure AS "Procedure",
               outcome AS Outcome, outcome_note AS OutcomeNote
        FROM request_assistance_items WHERE request_id = @id ORDER BY ordinal
        """;

    private const string RecordOutcomeSql = """
        UPDATE request_assistance_items SET outcome = @Outcome, outcome_note = @Note WHERE request_id = @RequestId AND ordinal = @Ordinal
        """;

    private const string RefusalGroundsSql = """
        SELECT ground_code FROM request_refusal_grounds WHERE request_id = @id ORDER BY ground_code
        """;

    private const string InsertRefusalGroundSql = """
        INSERT INTO request_refusal_grounds (request_id, applies_to, ground_code) VALUES (@RequestId, @AppliesTo, @Code)
        """;

    private const string HasTranslationSql = """
        SELECT COUNT(*) FROM request_attachments WHERE request_id = @id AND is_translation = @yes
        """;

    public Task<RequestRow?> FindRowAsync(Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<RequestRow>(FindRowSql, new { id }, cancellationToken);

    /// <summary>Inserts a new request at <paramref name="status"/> with its content; version 1, no event yet.</summary>
    public async Task InsertAsync(Guid id, RequestContent content, string requestingState, RequestStatus status, Guid createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var authorities = await session.QueryAsync<Guid>(CentralAuthoritySql, new { state = requestingState }, cancellationToken);
        await session.ExecuteAsync(InsertRowSql, new
        {
            Id = id,
            Kind = content.Kind.ToCode(),
            Status = status.ToCode(),
            RequestingState = requestingState,
            content.RequestedState,
            AuthorityId = authorities.Count > 0 ? authorities[0] : (Guid?)null,
            No = false,
            CreatedBy = createdBy,
            Now = now,
        }, cancellationToken);
        await ReplaceContentAsync(id, content, cancellationToken);
    }

    /// <summary>Replaces everything written in the request, child rows included.</summary>
    public async Task ReplaceContentAsync(Guid id, RequestContent content, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(UpdateContentSql, new
        {
            Id = id,
            Kind = content.Kind.ToCode(),
            content.RequestedState,
            InvestigatingAuthorityName = content.InvestigatingAuthority?.Name,
            InvestigatingAuthorityFunction = content.InvestigatingAuthority?.Function,
            content.Subject,
            content.Facts,
            content.Purpose,
            Urgency = content.Urgency.ToCode(),
            content.UrgencyReason,
            content.TimeLimit,
            content.Language,
            content.Confidential,
            content.Supplements,
            content.BilateralTreatyName,
            ExtraditionPurpose = content.ExtraditionPurpose?.ToCode(),
            WarrantIssuingAuthority = content.Warrant?.IssuingAuthority,
            WarrantDate = content.Warrant?.Date,
            WarrantReference = content.Warrant?.Reference,
            JudgmentIssuingAuthority = content.Judgment?.IssuingAuthority,
            JudgmentDate = content.Judgment?.Date,
            JudgmentReference = content.Judgment?.Reference,
            content.SentenceRemaining,
            content.EnforceableSentenceProof,
            content.RetrialAvailableInAbsentia,
            content.ExtraditionWillBeRequested,
        }, cancellationToken);

        await DeleteChildrenAsync(id, cancellationToken);
        await session.ExecuteAsync(InsertLegalBasisSql,
            content.LegalBases.Select((code, i) => new { RequestId = id, Ordinal = i, Code = code }).ToList(), cancellationToken);
        await session.ExecuteAsync(InsertOffenceSql,
            content.Offences.Select((o, i) => new { RequestId = id, Ordinal = i, o.Category, o.Description, o.LegalProvision, o.MaxPenalty }).ToList(),
            cancellationToken);
        await session.ExecuteAsync(InsertPersonSql,
            content.Persons.Select((p, i) => new { RequestId = id, Ordinal = i, p.Role, p.FullName, p.Nationality, p.DateOfBirth, p.Location, p.IdentityDocument }).ToList(),
            cancellationToken);
        await session.ExecuteAsync(InsertAssistanceSql,
            content.Assistance.Select((a, i) => new { RequestId = id, Ordinal = i, a.Type, a.Description, a.Procedure }).ToList(),
            cancellationToken);
    }

    /// <summary>Removes what a discarded draft said, persons first of all; the row and its timeline stay.</summary>
    public async Task PurgeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await DeleteChildrenAsync(id, cancellationToken);
        await session.ExecuteAsync(PurgeSql, new { id, now }, cancellationToken);
    }

    public async Task<RequestContent> LoadContentAsync(RequestRow row, CancellationToken cancellationToken)
    {
        var legalBases = await session.QueryAsync<string>(LegalBasesSql, new { id = row.Id }, cancellationToken);
        var offences = await session.QueryAsync<OffenceRow>(OffencesSql, new { id = row.Id }, cancellationToken);
        var persons = await session.QueryAsync<PersonRow>(PersonsSql, new { id = row.Id }, cancellationToken);
        var assistance = await LoadAssistanceAsync(row.Id, cancellationToken);
        return new RequestContent
        {
            Kind = KebabCode.Parse<RequestKind>(row.Kind),
            RequestedState = row.RequestedState,
            LegalBases = legalBases,
            BilateralTreatyName = row.BilateralTreatyName,
            Subject = row.Subject,
            InvestigatingAuthority = row.InvestigatingAuthorityName is null && row.InvestigatingAuthorityFunction is null
                ? null
                : new AuthorityRef(row.InvestigatingAuthorityName, row.InvestigatingAuthorityFunction),
            Facts = row.Facts,
            Offences = [.. offences.Select(o => new Offence(o.Category, o.Description, o.LegalProvision, o.MaxPenalty))],
            Persons = [.. persons.Select(p => new PersonConcerned(p.Role, p.FullName, p.Nationality, p.DateOfBirth, p.Location, p.IdentityDocument))],
            Assistance = [.. assistance.Select(a => new AssistanceItem(a.Type, a.Description, a.Procedure))],
            Purpose = row.Purpose,
            Urgency = KebabCode.Parse<Urgency>(row.Urgency),
            UrgencyReason = row.UrgencyReason,
            TimeLimit = row.TimeLimit,
            Language = row.LanguageCode,
            Confidential = row.Confidential,
            Supplements = row.Supplements,
            Warrant = Decision(row.WarrantIssuingAuthority, row.WarrantDate, row.WarrantReference),
            Judgment = Decision(row.JudgmentIssuingAuthority, row.JudgmentDate, row.JudgmentReference),
            ExtraditionPurpose = row.ExtraditionPurpose is null ? null : KebabCode.Parse<ExtraditionPurpose>(row.ExtraditionPurpose),
            SentenceRemaining = row.SentenceRemaining,
            EnforceableSentenceProof = row.EnforceableSentenceProof,
            RetrialAvailableInAbsentia = row.RetrialAvailableInAbsentia,
            ExtraditionWillBeRequested = row.ExtraditionWillBeRequested,
        };
    }

    public Task<IReadOnlyList<AssistanceRow>> LoadAssistanceAsync(Guid id, CancellationToken cancellationToken) =>
        session.QueryAsync<AssistanceRow>(AssistanceSql, new { id }, cancellationToken);

    public Task RecordOutcomesAsync(Guid id, IReadOnlyList<(ExecutionOutcome Outcome, string? Note)> outcomes, CancellationToken cancellationToken) =>
        session.ExecuteAsync(RecordOutcomeSql,
            outcomes.Select((o, i) => new { RequestId = id, Ordinal = i, Outcome = o.Outcome.ToCode(), o.Note }).ToList(), cancellationToken);

    public Task<IReadOnlyList<string>> LoadRefusalGroundsAsync(Guid id, CancellationToken cancellationToken) =>
        session.QueryAsync<string>(RefusalGroundsSql, new { id }, cancellationToken);

    public Task AddRefusalGroundsAsync(Guid id, string appliesTo, IEnumerable<string> grounds, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertRefusalGroundSql,
            grounds.Distinct(StringComparer.Ordinal).Select(code => new { RequestId = id, AppliesTo = appliesTo, Code = code }).ToList(), cancellationToken);

    public async Task<bool> HasTranslationAsync(Guid id, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(HasTranslationSql, new { id, yes = true }, cancellationToken) > 0;

    private async Task DeleteChildrenAsync(Guid id, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(DeleteLegalBasesSql, new { id }, cancellationToken);
        await session.ExecuteAsync(DeleteOffencesSql, new { id }, cancellationToken);
        await session.ExecuteAsync(DeletePersonsSql, new { id }, cancellationToken);
        await session.ExecuteAsync(DeleteAssistanceSql, new { id }, cancellationToken);
    }

    private static JudicialDecisionRef? Decision(string? issuingAuthority, DateOnly? date, string? reference) =>
        issuingAuthority is null && date is null && reference is null ? null : new JudicialDecisionRef(issuingAuthority, date, reference);

    private sealed record OffenceRow(string? Category, string? Description, string? LegalProvision, string? MaxPenalty);

    private sealed record PersonRow
    {
        public string? Role { get; init; }

        public string? FullName { get; init; }

        public string? Nationality { get; init; }

        public DateOnly? DateOfBirth { get; init; }

        public string? Location { get; init; }

        public string? IdentityDocument { get; init; }
    }
}

public sealed record AssistanceRow
{
    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Procedure { get; init; }

    public string? Outcome { get; init; }

    public string? OutcomeNote { get; init; }
}

/// <summary>A row of <c>requests</c>, codes as stored (kebab-case).</summary>
public sealed record RequestRow
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    public string? InvestigatingAuthorityName { get; init; }

    public string? InvestigatingAuthorityFunction { get; init; }

    public string? Subject { get; init; }

    public string? Facts { get; init; }

    public string? Purpose { get; init; }

    public required string Urgency { get; init; }

    public string? UrgencyReason { get; init; }

    public DateOnly? TimeLimit { get; init; }

    public string? LanguageCode { get; init; }

    public bool Confidential { get; init; }

    public Guid? Supplements { get; init; }

    public string? BilateralTreatyName { get; init; }

    public string? ExtraditionPurpose { get; init; }

    public string? WarrantIssuingAuthority { get; init; }

    public DateOnly? WarrantDate { get; init; }

    public string? WarrantReference { get; init; }

    public string? JudgmentIssuingAuthority { get; init; }

    public DateOnly? JudgmentDate { get; init; }

    public string? JudgmentReference { get; init; }

    public string? SentenceRemaining { get; init; }

    public string? EnforceableSentenceProof { get; init; }

    public string? RetrialAvailableInAbsentia { get; init; }

    public bool ExtraditionWillBeRequested { get; init; }

    public string? TransmissionChannel { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public string? RequestedSideReference { get; init; }

    public string? ExecutingAuthority { get; init; }

    public string? ExtraditionDecision { get; init; }

    public DateOnly? ProvisionalArrestOn { get; init; }

    public DateOnly? SurrenderedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }

    public string? LastEventHash { get; init; }

    public RequestKind KindValue => KebabCode.Parse<RequestKind>(Kind);

    public RequestStatus StatusValue => KebabCode.Parse<RequestStatus>(Status);
}
