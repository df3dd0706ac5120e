using System.Security.Cryptography;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The formal document a transmission freezes, as the Requests feature sees it: the one way it reaches
/// the Documents feature (which implements this), so the two folders do not depend on each other.
/// </summary>
public interface ITransmittedDocuments
{
    /// <summary>Renders the document as it will be transmitted. Reads only: called before the write transaction.</summary>
    Task<RenderedDocument> RenderAsync(AccessibleRequest request, RequestContent content, DateOnly transmittedOn, ReferenceNumber number, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="document"/> as the request's frozen document, inside the transmission's transaction.</summary>
    Task FreezeAsync(Guid requestId, RenderedDocument document, int requestVersion, CancellationToken cancellationToken);
}

/// <summary>A rendered request document and its SHA-256 (lower-case hex).</summary>
public sealed record RenderedDocument(string Language, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>For a signed document, the SHA-256 of its content before signing, printed on its pages (its verification code).</summary>
    public string? PrintedSha256 { get; init; }
}
