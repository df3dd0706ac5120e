namespace Mla.Api.Features.Documents;

/// <summary>
/// Is this the document that was transmitted? Looked up by the SHA-256 of a downloaded file, or by the
/// verification code printed on its pages (the SHA-256 of its content before signing). Answers only a user of
/// either party to the request; for anyone else, as for an unknown or altered document, 404 and nothing more.
/// </summary>
public sealed record VerifyDocumentQuery(string? Sha256) : IQuery<DocumentVerification>;

/// <summary>The transmitted document a hash designates.</summary>
public sealed record DocumentVerification
{
    public Guid RequestId { get; init; }

    public string? ReferenceNumber { get; init; }

    public required string Language { get; init; }

    /// <summary>When the document was generated and frozen, at transmission.</summary>
    public DateTimeOffset TransmittedAt { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    /// <summary><c>file</c>: the hash is the signed file's, byte for byte; <c>verification-code</c>: it is the code printed on its pages.</summary>
    public required string MatchedBy { get; init; }

    public required string Sha256 { get; init; }

    public string? PrintedSha256 { get; init; }
}

public sealed class VerifyDocumentValidator : AbstractValidator<VerifyDocumentQuery>
{
    public VerifyDocumentValidator() =>
        RuleFor(query => query.Sha256).NotEmpty()
            .Matches(@"\A[0-9a-fA-F]{64}\z").WithMessage("A SHA-256 in hexadecimal: 64 characters 0-9 and a-f.");
}

public sealed class VerifyDocumentHandler(IDbSession session, RequestAccess access) : IQueryHandler<VerifyDocumentQuery, DocumentVerification>
{
    private const string FindSql = $"""
        SELECT request_id AS {nameof(FoundDocument.RequestId)}, language_code AS {nameof(FoundDocument.Language)},
               sha256 AS {nameof(FoundDocument.Sha256)}, printed_sha256 AS {nameof(FoundDocument.PrintedSha256)},
               generated_at AS {nameof(FoundDocument.GeneratedAt)}
        FROM request_documents
        WHERE is_frozen = @frozen AND (sha256 = @hash OR printed_sha256 = @hash)
        """;

    public async ValueTask<DocumentVerification> Handle(VerifyDocumentQuery query, CancellationToken cancellationToken)
    {
        var hash = query.Sha256!.ToLowerInvariant();
        var found = await session.QueryAsync<FoundDocument>(FindSql, new { hash, frozen = true }, cancellationToken);
        if (found.Count == 0)
        {
            throw new NotFoundException("No transmitted document has this SHA-256 or verification code.");
        }

        // The request's gate: a user of neither party gets the same 404 as for an unknown hash.
        var document = found[0];
        AccessibleRequest request;
        try
        {
            request = await access.GetAsync(document.RequestId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("No transmitted document has this SHA-256 or verification code.");
        }

        return new DocumentVerification
        {
            RequestId = request.Id,
            ReferenceNumber = request.Row.ReferenceNumber,
            Language = document.Language,
            TransmittedAt = document.GeneratedAt,
            TransmittedOn = request.Row.TransmittedOn,
            MatchedBy = string.Equals(document.Sha256, hash, StringComparison.Ordinal) ? "file" : "verification-code",
            Sha256 = document.Sha256,
            PrintedSha256 = document.PrintedSha256,
        };
    }

    private sealed record FoundDocument
    {
        public Guid RequestId { get; init; }

        public required string Language { get; init; }

        public required string Sha256 { get; init; }

        public string? PrintedSha256 { get; init; }

        public DateTimeOffset GeneratedAt { get; init; }
    }
}
