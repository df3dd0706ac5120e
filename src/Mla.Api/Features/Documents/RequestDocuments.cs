using System.Security.Cryptography;
using Mla.Api.Features.Directory;
using Mla.Api.Features.Progress;
using Mla.Documents;
using Mla.Documents.Resources;

namespace Mla.Api.Features.Documents;

/// <summary>
/// Writes a request's formal document from its data, in one of the languages Mla has wording for, and
/// keeps the transmitted one: frozen bytes with their SHA-256, never generated again.
/// </summary>
public sealed class RequestDocuments(
    IDbSession session,
    ICurrentUser currentUser,
    UserClock clock,
    TimeProvider time,
    ReferenceCodes codes,
    DeadlineOptions deadlines,
    SigningCertificates certificates) : ITransmittedDocuments
{
    private const string UserSql = $"""
        SELECT display_name AS {nameof(UserRow.Name)}, function_title AS {nameof(UserRow.FunctionTitle)},
               phone AS {nameof(UserRow.Phone)}, email AS {nameof(UserRow.Email)}
        FROM users
        WHERE id = @id
        """;

    private const string NationalitiesSql = $"""
        SELECT iso3 AS {nameof(NationalityRow.Iso3)}, nationality_fr AS {nameof(NationalityRow.Fr)},
               nationality_en AS {nameof(NationalityRow.En)}, nationality_pt AS {nameof(NationalityRow.Pt)}
        FROM states
        """;

    private const string ArticlesSql = $"""
        SELECT code AS {nameof(ArticleRow.Code)}, mla_article AS {nameof(ArticleRow.MlaArticle)},
               extradition_article AS {nameof(ArticleRow.ExtraditionArticle)}
        FROM legal_bases
        """;

    private const string AnnexesSql = $"""
        SELECT id AS {nameof(AttachmentDto.Id)}, annex_number AS {nameof(AttachmentDto.Number)}, file_name AS {nameof(AttachmentDto.FileName)},
               content_type AS {nameof(AttachmentDto.ContentType)}, size_bytes AS {nameof(AttachmentDto.SizeBytes)},
               sha256 AS {nameof(AttachmentDto.Sha256)}, description AS {nameof(AttachmentDto.Description)},
               is_translation AS {nameof(AttachmentDto.IsTranslation)}, annex_type AS {nameof(AttachmentDto.AnnexType)},
               uploaded_at AS {nameof(AttachmentDto.UploadedAt)}
        FROM request_attachments
        WHERE request_id = @id
        ORDER BY annex_number
        """;

    private const string ReferenceOfSql = "SELECT reference_number FROM requests WHERE id = @id";

    private const string InsertSql = """
        INSERT INTO request_documents (id, request_id, language_code, request_version, content, sha256, printed_sha256, generated_at, is_frozen)
        VALUES (@Id, @RequestId, @Language, @RequestVersion, @Content, @Sha256, @PrintedSha256, @GeneratedAt, @IsFrozen)
        """;

    private const string FrozenSql = $"""
        SELECT id AS {nameof(StoredDocument.Id)}, language_code AS {nameof(StoredDocument.Language)},
               request_version AS {nameof(StoredDocument.RequestVersion)}, content AS {nameof(StoredDocument.Content)},
               sha256 AS {nameof(StoredDocument.Sha256)}, generated_at AS {nameof(StoredDocument.GeneratedAt)}
        FROM request_documents
        WHERE request_id = @id AND is_frozen = @frozen
        ORDER BY generated_at DESC
        """;

    /// <summary>Languages a document can be written in (a resource file each in Mla.Documents).</summary>
    public static IReadOnlyList<string> Languages => RequestDocumentGenerator.SupportedLanguages;

    /// <summary>A draft's preview, marked DRAFT in the document's language, signed and dated (in the user's State) by the caller.</summary>
    public async Task<byte[]> PreviewAsync(AccessibleRequest request, string language, CancellationToken cancellationToken)
    {
        var model = await BuildAsync(request.Row, request.Content, language, isDraft: true, await clock.TodayAsync(cancellationToken),
            request.Row.ReferenceNumber, cancellationToken);
        return RequestDocumentGenerator.Generate(model);
    }

    public async Task<RenderedDocument> RenderAsync(AccessibleRequest request, RequestContent content, DateOnly transmittedOn, ReferenceNumber number, CancellationToken cancellationToken)
    {
        var language = content.Language ?? "";
        if (!Languages.Contains(language))
        {
            throw new UnprocessableException(
                $"Mla cannot write the request document in '{language}'. Transmit in one of {string.Join(", ", Languages)}, attaching a translation when the requested State needs one.");
        }

        var model = await BuildAsync(request.Row, content, language, isDraft: false, transmittedOn, number.ToString(), cancellationToken);

        // A document cannot carry the hash of its own bytes: its pages carry the hash of the same document rendered
        // without that line and its QR code (deterministic, so anyone holding the data can render it again), and the bytes served are
        // those of the signed file, whose own SHA-256 is the document row's and the chain's.
        var printed = Convert.ToHexStringLower(SHA256.HashData(RequestDocumentGenerator.Generate(model)));
        var unsigned = RequestDocumentGenerator.Generate(model with { VerificationCode = printed });
        var signed = RequestDocumentSigner.Sign(
            unsigned, certificates.For(request.Row.RequestingState), model.ReferenceNumber ?? "", model.Place);
        return new RenderedDocument(language, signed) { PrintedSha256 = printed };
    }

    public Task FreezeAsync(Guid requestId, RenderedDocument document, int requestVersion, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertSql, new StoredDocument
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Language = document.Language,
            RequestVersion = requestVersion,
            Content = document.Content,
            Sha256 = document.Sha256,
            PrintedSha256 = document.PrintedSha256,
            GeneratedAt = time.GetUtcNow(),
            IsFrozen = true,
        }, cancellationToken);

    /// <summary>The request's annexes in their order, as the API lists them and the document names them (untitled: see <see cref="AttachmentDto.TitledFor"/>).</summary>
    public Task<IReadOnlyList<AttachmentDto>> AnnexesAsync(Guid requestId, CancellationToken cancellationToken) =>
        session.QueryAsync<AttachmentDto>(AnnexesSql, new { id = requestId }, cancellationToken);

    public async Task<StoredDocument?> FindFrozenAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var frozen = await session.QueryAsync<StoredDocument>(FrozenSql, new { id = requestId, frozen = true }, cancellationToken);
        return frozen.Count > 0 ? frozen[0] : null;
    }

    private async Task<RequestDocumentModel> BuildAsync(RequestRow row, RequestContent content, string language, bool isDraft, DateOnly date, string? referenceNumber, CancellationToken cancellationToken)
    {
        var authority = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(CentralAuthorityRow.FindSql, new { state = row.RequestingState }, cancellationToken);
        var addressee = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(CentralAuthorityRow.FindSql, new { state = row.RequestedState }, cancellationToken);
        var signatory = await session.QuerySingleOrDefaultAsync<UserRow>(UserSql, new { id = currentUser.Id }, cancellationToken);
        var drafter = await session.QuerySingleOrDefaultAsync<UserRow>(UserSql, new { id = row.CreatedBy }, cancellationToken);
        var annexes = await AnnexesAsync(row.Id, cancellationToken);
        var nationalities = (await session.QueryAsync<NationalityRow>(NationalitiesSql, null, cancellationToken)).ToDictionary(n => n.Iso3, StringComparer.OrdinalIgnoreCase);
        var articles = await session.QueryAsync<ArticleRow>(ArticlesSql, null, cancellationToken);
        var supplements = content.Supplements is { } supplementedId
            ? await session.QuerySingleOrDefaultAsync<string>(ReferenceOfSql, new { id = supplementedId }, cancellationToken)
            : null;
        var wording = Wording.For(language);

        // Account titles are typed in the requesting State's own language: printed only in a letter in that
        // language, so an English or Portuguese letter carries no French title (the authority's name in the
        // letter's language stands under the signature instead).
        var homeLanguages = await codes.LanguagesAcceptedByAsync(row.RequestingState, cancellationToken);
        var homeLanguage = homeLanguages.Count > 0 ? homeLanguages[0] : null;
        var titlesInLetterLanguage = string.Equals(homeLanguage, language, StringComparison.OrdinalIgnoreCase);
        var authorityName = authority?.NameIn(language) ?? wording.StateName(row.RequestingState);

        return new RequestDocumentModel
        {
            Kind = content.Kind.ToCode(),
            IsDraft = isDraft,
            ReferenceNumber = referenceNumber,
            Language = language,
            RequestLanguage = content.Language,
            RequestingStateIso3 = row.RequestingState,
            RequestedStateIso3 = row.RequestedState,
            RequestingCentralAuthority = new DocumentCentralAuthority(
                authorityName,
                authority?.LetterheadLines is { Count: > 0 } letterhead ? letterhead : [wording.StateName(row.RequestingState)],
                authority?.Address,
                string.Join(" · ", new[] { authority?.Phone, authority?.Email }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } contact ? contact : null),
            Addressee = addressee is null ? null : new DocumentAddressee(addressee.NameIn(language), addressee.Address),
            InvestigatingAuthority = content.InvestigatingAuthority is { Name: { } name } investigating
                ? new DocumentInvestigatingAuthority(name, investigating.Function)
                : null,
            ContactOfficer = drafter is null ? null : new DocumentContactOfficer(
                drafter.Name, titlesInLetterLanguage ? drafter.FunctionTitle : null, drafter.Phone, drafter.Email),
            LegalBasisCodes = content.LegalBases,
            LegalBasisArticles = articles
                .Where(a => (content.Kind == RequestKind.Mla ? a.MlaArticle : a.ExtraditionArticle) is not null)
                .ToDictionary(a => a.Code, a => (content.Kind == RequestKind.Mla ? a.MlaArticle : a.ExtraditionArticle)!, StringComparer.Ordinal),
            BilateralTreatyName = content.BilateralTreatyName,
            Subject = content.Subject,
            Facts = content.Facts,
            Offences = [.. content.Offences.Select(offence => new DocumentOffence(offence.Category ?? "other", offence.Description ?? "", offence.LegalProvision, offence.MaxPenalty))],
            Persons = [.. content.Persons.Select(person => new DocumentPerson(
                person.Role ?? "other", person.FullName ?? "", person.Nationality, person.DateOfBirth, person.Location, person.IdentityDocument,
                Nationality: person.Nationality is { } iso3 && nationalities.TryGetValue(iso3, out var adjectives) ? adjectives.In(language) : null,
                PlaceOfBirth: person.PlaceOfBirth,
                Aliases: person.Aliases,
                ParentsNames: person.ParentsNames,
                PhysicalDescription: person.PhysicalDescription))],
            AssistanceItems = [.. content.Assistance.Select(item => new DocumentAssistanceItem(item.Type ?? "other", item.Description ?? "", item.Procedure))],
            Purpose = content.Purpose,
            IsUrgent = content.Urgency == Urgency.Urgent,
            UrgencyReason = content.UrgencyReason,
            TimeLimit = content.TimeLimit,
            IsConfidential = content.Confidential,
            SupplementsReferenceNumber = supplements,
            ExtraditionWarrant = Decision(content.Warrant),
            Judgment = Decision(content.Judgment),
            ExtraditionPurpose = content.ExtraditionPurpose?.ToCode(),
            SentenceRemaining = content.SentenceRemaining,
            EnforceableSentenceProof = content.EnforceableSentenceProof,
            RetrialInAbsentia = content.RetrialAvailableInAbsentia,
            ExtraditionWillBeRequested = content.ExtraditionWillBeRequested,
            // The same figure as the provisional-arrest deadline: one source, DeadlineOptions.
            ProvisionalArrestDays = content.Kind == RequestKind.ProvisionalArrest ? deadlines.ProvisionalArrestDaysFor(content.LegalBases) : null,
            LegalProvisionsText = content.LegalProvisionsText,
            Annexes = [.. annexes.Select(annex => annex.InDocument)],
            Signatory = new DocumentSignatory(signatory?.Name ?? "", titlesInLetterLanguage && !string.IsNullOrWhiteSpace(signatory?.FunctionTitle) ? signatory.FunctionTitle : authorityName),
            // The city of the requesting central authority ("Bamako, le ..."); the State only when the directory has no city.
            Place = string.IsNullOrWhiteSpace(authority?.City) ? wording.StateName(row.RequestingState) : authority.City,
            Date = date,
        };
    }

    private static DocumentJudicialDecision? Decision(JudicialDecisionRef? decision) =>
        decision is { IssuingAuthority: { } authority } ? new DocumentJudicialDecision(authority, decision.Date, decision.Reference) : null;

    private sealed record UserRow
    {
        public required string Name { get; init; }

        public string? FunctionTitle { get; init; }

        public string? Phone { get; init; }

        public string? Email { get; init; }
    }

    /// <summary>The nationality adjective per language. It agrees with "nationalité" / "nacionalidade" (feminine),
    /// never with the person: "Nationalité : malienne" for everyone, so no gender is recorded or guessed.</summary>
    private sealed record NationalityRow
    {
        public required string Iso3 { get; init; }

        public string? Fr { get; init; }

        public string? En { get; init; }

        public string? Pt { get; init; }

        public string? In(string language) => language switch
        {
            "fr" => Fr,
            "en" => En,
            "pt" => Pt,
            _ => null,
        };
    }

    private sealed record ArticleRow
    {
        public required string Code { get; init; }

        public string? MlaArticle { get; init; }

        public string? ExtraditionArticle { get; init; }
    }
}

/// <summary>A generated document as stored.</summary>
public sealed record StoredDocument
{
    public Guid Id { get; init; }

    public Guid RequestId { get; init; }

    public required string Language { get; init; }

    public int RequestVersion { get; init; }

    public byte[] Content { get; init; } = [];

    public required string Sha256 { get; init; }

    /// <summary>The SHA-256 of the content before signing, printed on the document's pages (null before signing existed).</summary>
    public string? PrintedSha256 { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public bool IsFrozen { get; init; }
}
