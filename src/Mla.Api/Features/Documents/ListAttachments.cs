using Mediator;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Features.Documents;

public sealed record ListAttachmentsQuery(Guid RequestId) : IQuery<IReadOnlyList<AttachmentDto>>;

public sealed class ListAttachmentsHandler(RequestAccess access, IDbSession session) : IQueryHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentDto>>
{
    private const string ListSql = """
        SELECT id AS Id, annex_number AS Number, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes,
               sha256 AS Sha256, description AS Description, is_translation AS IsTranslation, uploaded_at AS UploadedAt
        FROM request_attachments
        WHERE request_id = @id
        ORDER BY annex_number
        """;

    public async ValueTask<IReadOnlyList<AttachmentDto>> Handle(ListAttachmentsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        return await session.QueryAsync<AttachmentDto>(ListSql, new { id = request.Id }, cancellationToken);
    }
}
