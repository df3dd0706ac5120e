namespace Mla.Api.Features.Documents;

/// <summary>
/// The request's formal document: a draft's preview (marked DRAFT) in the language asked for, or, once
/// transmitted, exactly the bytes that were sent, whatever happened to the request since.
/// </summary>
public sealed record GetRequestDocumentQuery(Guid RequestId, string? Language) : IQuery<DocumentFile>;

/// <summary>A PDF to send back as it is.</summary>
public sealed record DocumentFile(byte[] Content, string FileName, string Sha256, bool IsFrozen);

public sealed class GetRequestDocumentValidator : AbstractValidator<GetRequestDocumentQuery>
{
    public GetRequestDocumentValidator() =>
        RuleFor(query => query.Language).MustBeOneOf(RequestDocuments.Languages).When(query => query.Language is not null);
}

public sealed class GetRequestDocumentHandler(
    RequestAccess access,
    RequestDocuments documents,
    ServedBytesCheck check,
    ReferenceCodes codes) : IQueryHandler<GetRequestDocumentQuery, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetRequestDocumentQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        if (request.Status != RequestStatus.Draft)
        {
            var frozen = await documents.FindFrozenAsync(request.Id, cancellationToken)
                ?? throw new NotFoundException("This request has no document in Mla: it was registered from a document received outside Mla.");
            await check.EnsureGenuineAsync(request.Id, "document", frozen.Content, frozen.Sha256, cancellationToken);
            return new DocumentFile(frozen.Content, FileName(request.Row.ReferenceNumber, frozen.Language), frozen.Sha256, IsFrozen: true);
        }

        var language = query.Language ?? await DefaultLanguageAsync(request, cancellationToken);
        var content = await documents.PreviewAsync(request, language, cancellationToken);
        return new DocumentFile(content, FileName("draft", language), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), IsFrozen: false);
    }

    // The draft's own language when Mla can write it, else the requested State's first that Mla can.
    private async Task<string> DefaultLanguageAsync(AccessibleRequest request, CancellationToken cancellationToken)
    {
        if (request.Content.Language is { } chosen && RequestDocuments.Languages.Contains(chosen))
        {
            return chosen;
        }

        var accepted = await codes.LanguagesAcceptedByAsync(request.Row.RequestedState, cancellationToken);
        return accepted.FirstOrDefault(RequestDocuments.Languages.Contains) ?? "fr";
    }

    private static string FileName(string? reference, string language) =>
        $"mla-request-{(reference ?? "draft").Replace('/', '-')}-{language}.pdf";
}
