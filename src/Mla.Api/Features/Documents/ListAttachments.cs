using Mla.Documents;

namespace Mla.Api.Features.Documents;

public sealed record ListAttachmentsQuery(Guid RequestId) : IQuery<IReadOnlyList<AttachmentDto>>;

public sealed class ListAttachmentsHandler(RequestAccess access, IDbSession session) : IQueryHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentDto>>
{
    private const string ListSql = $"""
        SELECT id AS {nameof(AttachmentDto.Id)}, annex_number AS {nameof(AttachmentDto.Number)}, file_name AS {nameof(AttachmentDto.FileName)},
               content_type AS {nameof(AttachmentDto.ContentType)}, size_bytes AS {nameof(AttachmentDto.SizeBytes)},
               sha256 AS {nameof(AttachmentDto.Sha256)}, description AS {nameof(AttachmentDto.Description)},
               is_translation AS {nameof(AttachmentDto.IsTranslation)}, annex_type AS {nameof(AttachmentDto.AnnexType)},
               uploaded_at AS {nameof(AttachmentDto.UploadedAt)}
        FROM request_attachments
        WHERE request_id = @id
        ORDER BY annex_number
        """;

    public async ValueTask<IReadOnlyList<AttachmentDto>> Handle(ListAttachmentsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        var annexes = await session.QueryAsync<AttachmentDto>(ListSql, new { id = request.Id }, cancellationToken);
        // Titled as the request document lists them, in the request's language (French when Mla cannot write it).
        var language = request.Content.Language is { } chosen && RequestDocuments.Languages.Contains(chosen) ? chosen : "fr";
        return [.. annexes.Select(annex => annex with
        {
            Title = AnnexTitles.Title(new DocumentAnnex(annex.FileName, annex.Description, annex.IsTranslation, annex.Number, annex.AnnexType), language),
        })];
    }
}
