namespace Mla.Api.Features.Documents;

public sealed record ListRequestDocumentsQuery(Guid RequestId) : IQuery<IReadOnlyList<DocumentSummaryDto>>;

// A document of the request as its record describes it, with its size (a comment, not a summary: the
// OpenAPI schema stays without a description, as it was).
public sealed record DocumentSummaryDto : DocumentEntry
{
    public long SizeBytes { get; init; }
}

public sealed class ListRequestDocumentsHandler(RequestAccess access, IDbSession session)
    : IQueryHandler<ListRequestDocumentsQuery, IReadOnlyList<DocumentSummaryDto>>
{
    // The size is computed by the engine: listing documents never reads their bytes.
    private static string ListSql(ISqlDialect dialect) => $"""
        SELECT id AS {nameof(DocumentSummaryDto.Id)}, language_code AS {nameof(DocumentSummaryDto.Language)},
               request_version AS {nameof(DocumentSummaryDto.RequestVersion)}, sha256 AS {nameof(DocumentSummaryDto.Sha256)},
               {dialect.ByteLength("content")} AS {nameof(DocumentSummaryDto.SizeBytes)}, generated_at AS {nameof(DocumentSummaryDto.GeneratedAt)},
               is_frozen AS {nameof(DocumentSummaryDto.IsFrozen)}
        FROM request_documents
        WHERE request_id = @id
        ORDER BY generated_at
        """;

    public async ValueTask<IReadOnlyList<DocumentSummaryDto>> Handle(ListRequestDocumentsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        return await session.QueryAsync<DocumentSummaryDto>(ListSql(session.Dialect), new { id = request.Id }, cancellationToken);
    }
}
