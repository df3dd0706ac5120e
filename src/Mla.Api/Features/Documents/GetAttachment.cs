namespace Mla.Api.Features.Documents;

public sealed record GetAttachmentQuery(Guid RequestId, Guid AttachmentId) : IQuery<AttachmentFile>;

public sealed record AttachmentFile(byte[] Content, string ContentType, string FileName, string Sha256);

public sealed class GetAttachmentHandler(RequestAccess access, IDbSession session, ServedBytesCheck check) : IQueryHandler<GetAttachmentQuery, AttachmentFile>
{
    private const string FindSql = $"""
        SELECT content AS {nameof(AttachmentRow.Content)}, content_type AS {nameof(AttachmentRow.ContentType)},
               file_name AS {nameof(AttachmentRow.FileName)}, sha256 AS {nameof(AttachmentRow.Sha256)}
        FROM request_attachments
        WHERE request_id = @requestId AND id = @attachmentId
        """;

    public async ValueTask<AttachmentFile> Handle(GetAttachmentQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<AttachmentRow>(FindSql, new { requestId = request.Id, attachmentId = query.AttachmentId }, cancellationToken)
            ?? throw new NotFoundException("No such annex.");
        await check.EnsureGenuineAsync(request.Id, "annex", row.Content, row.Sha256, cancellationToken);
        return new AttachmentFile(row.Content, row.ContentType, row.FileName, row.Sha256);
    }

    private sealed record AttachmentRow
    {
        public byte[] Content { get; init; } = [];

        public required string ContentType { get; init; }

        public required string FileName { get; init; }

        public required string Sha256 { get; init; }
    }
}
