using System.Security.Cryptography;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Api.Infrastructure.Validation;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Documents;

/// <summary>
/// Adds an annex to a request: PDF, JPEG, PNG or DOCX, recognised by its content. A translation of the
/// request is marked as such; it lets a request go out in a language the requested State does not accept.
/// </summary>
public sealed record UploadAttachmentCommand(
    [property: JsonIgnore] Guid RequestId,
    string FileName,
    [property: JsonIgnore] byte[] Content,
    string? Description,
    bool IsTranslation) : ICommand<AttachmentDto>, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>Stands for the content in the idempotency fingerprint, so a resent file is not serialised whole.</summary>
    public string ContentSha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    string IIdempotentCommand.IdempotencyScope => RequestId.ToString("D");
}

public sealed record AttachmentDto
{
    public Guid Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public string? Description { get; init; }

    public bool IsTranslation { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}

public sealed class UploadAttachmentValidator : AbstractValidator<UploadAttachmentCommand>
{
    public UploadAttachmentValidator()
    {
        RuleFor(command => command.FileName).NotEmpty().MaximumLength(300)
            .Must(name => name.IndexOfAny(['/', '\\', '\0']) < 0).WithMessage("A file name, without folders.")
            .MustBeSingleLineText();
        RuleFor(command => command.Content).NotEmpty().WithMessage("The file is empty.");
        RuleFor(command => command.Description).MaximumLength(1000).MustBeSingleLineText();
    }
}

public sealed class UploadAttachmentHandler(
    RequestAccess access,
    IDbSession session,
    ICurrentUser currentUser,
    DocumentOptions options,
    TimeProvider time) : ICommandHandler<UploadAttachmentCommand, AttachmentDto>
{
    private const string InsertSql = """
        INSERT INTO request_attachments (id, request_id, file_name, content_type, size_bytes, sha256, content, description, is_translation, uploaded_by, uploaded_at)
        VALUES (@Id, @RequestId, @FileName, @ContentType, @SizeBytes, @Sha256, @Content, @Description, @IsTranslation, @UploadedBy, @UploadedAt)
        """;

    public async ValueTask<AttachmentDto> Handle(UploadAttachmentCommand command, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(command.RequestId, cancellationToken);
        RequestSteps.ThrowIfDenied(RequestLifecycle.Decide(request.Kind, request.Status, RequestAction.AddAnnex, currentUser.Role, request.Side, request.Context));

        if (command.Content.LongLength > options.MaxAttachmentBytes)
        {
            throw new PayloadTooLargeException($"An annex may be at most {options.MaxAttachmentBytes / (1024 * 1024)} MB.");
        }

        var contentType = AttachmentContent.Detect(command.Content)
            ?? throw new UnsupportedMediaTypeException("An annex must be a PDF, JPEG, PNG or DOCX file; this file's content is none of them.");

        var attachment = new
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            command.FileName,
            ContentType = contentType,
            SizeBytes = command.Content.LongLength,
            Sha256 = command.ContentSha256,
            command.Content,
            command.Description,
            command.IsTranslation,
            UploadedBy = currentUser.Id,
            UploadedAt = time.GetUtcNow(),
        };
        await session.ExecuteAsync(InsertSql, attachment, cancellationToken);
        return new AttachmentDto
        {
            Id = attachment.Id,
            FileName = attachment.FileName,
            ContentType = contentType,
            SizeBytes = attachment.SizeBytes,
            Sha256 = attachment.Sha256,
            Description = attachment.Description,
            IsTranslation = attachment.IsTranslation,
            UploadedAt = attachment.UploadedAt,
        };
    }
}
