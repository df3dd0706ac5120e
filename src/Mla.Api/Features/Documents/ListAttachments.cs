namespace Mla.Api.Features.Documents;

public sealed record ListAttachmentsQuery(Guid RequestId) : IQuery<IReadOnlyList<AttachmentDto>>;

public sealed class ListAttachmentsHandler(RequestAccess access, RequestDocuments documents) : IQueryHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentDto>>
{
    public async ValueTask<IReadOnlyList<AttachmentDto>> Handle(ListAttachmentsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        // The annexes the request document lists, titled as it lists them.
        var annexes = await documents.AnnexesAsync(request.Id, cancellationToken);
        return [.. annexes.Select(annex => annex.TitledFor(request.Content))];
    }
}
