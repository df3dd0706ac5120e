using Mediator;
using Microsoft.AspNetCore.Mvc;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Errors;

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
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/document", async (Guid id, string? language, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetRequestDocumentQuery(id, language), ct);
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                http.Response.Headers["X-Document-Frozen"] = file.IsFrozen ? "true" : "false";
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithName("GetRequestDocument")
            .WithSummary("The request document as PDF: a DRAFT preview for a draft, the transmitted document afterwards")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesValidationProblem();

        group.MapGet("/documents", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRequestDocumentsQuery(id), ct)))
            .WithName("ListRequestDocuments")
            .WithSummary("Stored documents of the request with their SHA-256");

        group.MapPost("/attachments", async (
                Guid id,
                [FromForm] IFormFile? file,
                [FromForm] string? description,
                [FromForm] bool? isTranslation,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                if (file is null)
                {
                    throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Send the annex as the multipart field 'file'."] });
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var command = new UploadAttachmentCommand(id, Path.GetFileName(file.FileName), buffer.ToArray(), description, isTranslation ?? false)
                {
                    IdempotencyKey = idempotencyKey,
                };
                var attachment = await sender.Send(command, ct);
                return TypedResults.Created($"/api/requests/{id}/attachments/{attachment.Id}", attachment);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadAttachment")
            .WithSummary("Add an annex (PDF, JPEG, PNG or DOCX, recognised by content; size limit Documents:MaxAttachmentBytes)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/attachments", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAttachmentsQuery(id), ct)))
            .WithName("ListAttachments")
            .WithSummary("Annexes of the request");

        group.MapGet("/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetAttachmentQuery(id, attachmentId), ct);
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetAttachment")
            .WithSummary("One annex, as uploaded")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentContent.Pdf, [.. AttachmentContent.Accepted.Skip(1)]);

        return routes;
    }
}
