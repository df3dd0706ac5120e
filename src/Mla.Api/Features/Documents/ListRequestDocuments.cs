using Mediator;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Features.Documents;

public sealed record ListRequestDocumentsQuery(Guid RequestId) : IQuery<IReadOnlyList<DocumentSummaryDto>>;

public sealed record DocumentSummaryDto
{
    public Guid Id { get; init; }

    public required string Language { get; init; }

    /// <summary>The request's version when the document was generated.</summary>
    public int RequestVersion { get; init; }

    public required string Sha256 { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public bool IsFrozen { get; init; }
}

public sealed class ListRequestDocumentsHandler(RequestAccess access, IDbSession session)
    : IQueryHandler<ListRequestDocumentsQuery, IReadOnlyList<DocumentSummaryDto>>
{
    private const string ListSql = """
        SELECT id AS Id, language_code AS Language, request_version AS RequestVersion, sha256 AS Sha256,
               content AS Content, generated_at AS GeneratedAt, is_frozen AS IsFrozen
        FROM request_documents
        WHERE request_id = @id
        ORDER BY generated_at
        """;

    public async ValueTask<IReadOnlyList<DocumentSummaryDto>> Handle(ListRequestDocumentsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        var stored = await session.QueryAsync<StoredDocument>(ListSql, new { id = request.Id }, cancellationToken);
        return stored.Select(document => new DocumentSummaryDto
        {
            Id = document.Id,
            Language = document.Language,
            RequestVersion = document.RequestVersion,
            Sha256 = document.Sha256,
            SizeBytes = document.Content.LongLength,
            GeneratedAt = document.GeneratedAt,
            IsFrozen = document.IsFrozen,
        }).ToList();
    }
}
