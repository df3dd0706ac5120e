using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Http;
using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Documents;

/// <summary>Routes of a request's documents: the formal request PDF and the annexes.</summary>
public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder routes)
    {
        // Like every request route: for case workers only, and a request outside the caller's State is 404.
        var group = routes.MapGroup("/api/requests/{id:guid}").RequireAuthorization(Policies.CaseWork).WithTags("Documents")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DescribeParameter("id", "The request's id (a UUID).");

        group.MapGet("/document", async (Guid id, string? language, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetRequestDocumentQuery(id, language), ct);
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                http.Response.Headers["X-Document-Frozen"] = file.IsFrozen ? "true" : "false";
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithName("GetRequestDocument")
            .WithSummary("The request document as PDF: a DRAFT preview for a draft, the transmitted document afterwards")
            .WithDescription("""
                For a draft, a preview generated now and marked DRAFT (PROJET in French, RASCUNHO in Portuguese), in
                `language` or by default the draft's own. From transmission on, the document frozen then, byte for
                byte, whatever happened to the request since (`language` is then ignored). A request registered as
                received outside Mla has no document (404).
                """)
            .DescribeParameter("language", "For a draft's preview: `fr`, `en` or `pt`. By default the draft's language, else the first the requested State accepts.")
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", "The SHA-256 of the PDF, in hexadecimal and double quotes.")
            .WithResponseHeader(StatusCodes.Status200OK, "X-Document-Frozen", "`true` for the transmitted document, `false` for a draft's preview.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesValidationProblem();

        group.MapGet("/documents", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRequestDocumentsQuery(id), ct)))
            .WithName("ListRequestDocuments")
            .WithSummary("Stored documents of the request with their SHA-256")
            .WithDescription("""
                The documents Mla stored for the request (the one frozen at transmission), with their language, size,
                SHA-256 and the request version they were generated from, so a copy received by other means can be
                checked. Previews are not stored.
                """);

        group.MapPost("/attachments", async (
                Guid id,
                [FromForm] IFormFile? file,
                [FromForm] string? description,
                [FromForm] bool? isTranslation,
                [FromForm] string? annexType,
                [FromHeader(Name = EntityTag.IfMatchHeader)] string? ifMatch,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                if (file is null)
                {
                    throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Send the annex as the multipart field 'file'."] });
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                // Form fields are not JSON: normalised here as request bodies are when read.
                var command = new UploadAttachmentCommand(
                    id, TextInput.Normalise(Path.GetFileName(file.FileName)), buffer.ToArray(), description is null ? null : TextInput.Normalise(description), isTranslation ?? false)
                {
                    AnnexType = annexType is null ? null : TextInput.Normalise(annexType),
                    ExpectedVersion = EntityTag.ParseIfMatch(ifMatch),
                    IdempotencyKey = idempotencyKey,
                };
                var uploaded = await sender.Send(command, ct);
                response.Headers.ETag = EntityTag.For(uploaded.RequestVersion);
                return TypedResults.Created($"/api/requests/{id}/attachments/{uploaded.Attachment.Id}", uploaded.Attachment);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadAttachment")
            .WithSummary("Add an annex (PDF, JPEG, PNG or DOCX, recognised by content); a step of the request, with If-Match")
            .WithDescription("""
                A `multipart/form-data` upload by a central authority or focal point of either State (on a request the
                requested State registered on receipt, of the requested State only), while the request is not final
                (409 once it is executed, refused or withdrawn). Adding an annex changes the request: send its ETag in
                `If-Match` (428 without, 412 when stale); the answer's `ETag` is the request's new version, and the
                timeline gets an `add-annex` event with the annex's id, number, name, description and SHA-256. Each annex
                is numbered in its request (1, 2, 3... in upload order). The type is recognised from the content, never
                from the name or the declared type (415 for anything else). Limits: 20 MB per annex by default
                (`Documents:MaxAttachmentBytes`, 413), 50 annexes per request (`Documents:MaxAttachmentsPerRequest`,
                422) and 100 MB for a request's annexes together (`Documents:MaxAttachmentBytesPerRequest`, 413). Annexes
                uploaded before transmission are listed in the transmitted document. A translation of the request
                (`isTranslation`) lets it go out in a language the requested State does not accept. Honours
                `Idempotency-Key`.
                """)
            .DescribeParameter("file", "The annex, as a file part (required).")
            .DescribeParameter("description", "What the annex is, e.g. \"Arrest warrant\" or \"English translation\" (at most 1,000 characters).")
            .DescribeParameter("isTranslation", "`true` when the annex is a translation of the request (default `false`).")
            .DescribeParameter("annexType", "What the annex is: `translation`, `photograph`, `fingerprints`, `legal-provisions` (the text of the law, which an extradition or provisional-arrest request then need not type), `warrant`, `judgment` or `other` (optional).")
            .WithResponseHeader(StatusCodes.Status201Created, "ETag", ProtocolHeadersTransformer.ETagDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithProblemSchema(StatusCodes.Status409Conflict, ProblemSchemas.AllowedActions)
            .WithResponseDescription(StatusCodes.Status413PayloadTooLarge, "The annex is larger than `Documents:MaxAttachmentBytes`, or the request's annexes would together hold more than `Documents:MaxAttachmentBytesPerRequest` (`maxBytes`, `bytesHeld`).")
            .WithResponseDescription(StatusCodes.Status422UnprocessableEntity, "The request already holds `Documents:MaxAttachmentsPerRequest` annexes (`maxAttachments`), or the Idempotency-Key was used for another upload.");

        group.MapGet("/attachments", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAttachmentsQuery(id), ct)))
            .WithName("ListAttachments")
            .WithSummary("Annexes of the request")
            .WithDescription("The annexes of the request in upload order, each with its number in the request (1, 2, 3...), name, detected type, size, SHA-256, description, annex type and the title the request document gives it (\"Annexe 1 : ...\", in the request's language); not their content.");

        group.MapGet("/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetAttachmentQuery(id, attachmentId), ct);
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetAttachment")
            .WithSummary("One annex, as uploaded")
            .WithDescription("The annex's bytes as uploaded, with the content type detected at upload.")
            .DescribeParameter("attachmentId", "The annex's id (a UUID), from the upload's answer or the list of annexes.")
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", "The SHA-256 of the annex, in hexadecimal and double quotes.")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentContent.Pdf, [.. AttachmentContent.Accepted.Skip(1)]);

        routes.MapGet("/api/documents/verify", async (string? sha256, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VerifyDocumentQuery(sha256), ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Documents")
            .WithName("VerifyDocument")
            .WithSummary("Is this the document that was transmitted? By the SHA-256 of the file, or the code printed on its pages")
            .WithDescription("""
                Looks up a transmitted request document by the SHA-256 of a downloaded file (the signed PDF, byte for byte) or
                by the verification code printed at the foot of its pages (the SHA-256 of its content before signing), and
                answers for which request, in which language and when it was transmitted. A file changed in any way has
                another SHA-256 and is not found. Only users of the requesting or requested State get an answer; for anyone
                else, as for an unknown hash, 404.
                """)
            .DescribeParameter("sha256", "64 hexadecimal characters: `sha256sum` of the file, or the verification code printed on it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }
}
