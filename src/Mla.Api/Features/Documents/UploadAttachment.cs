using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Documents;

namespace Mla.Api.Features.Documents;

/// <summary>
/// Adds an annex to a request: PDF, JPEG, PNG or DOCX, recognised by its content. A translation of the
/// request is marked as such; it lets a request go out in a language the requested State does not accept.
/// Adding an annex is a lifecycle step (<see cref="RequestAction.AddAnnex"/>): it needs the request's
/// current version (If-Match), moves the version on and appends an event holding the annex's SHA-256.
/// </summary>
public sealed record UploadAttachmentCommand(
    [property: JsonIgnore] Guid RequestId,
    string FileName,
    [property: JsonIgnore] byte[] Content,
    string? Description,
    bool IsTranslation) : ICommand<UploadedAttachment>, IIdempotentCommand
{
    /// <summary>What the annex is (<c>photograph</c>, <c>fingerprints</c>, <c>legal-provisions</c>, ...); optional.</summary>
    public string? AnnexType { get; init; }

    /// <summary>The request's version the client last saw (If-Match).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>Stands for the content in the idempotency fingerprint, so a resent file is not serialised whole.</summary>
    public string ContentSha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    string IIdempotentCommand.IdempotencyScope => RequestId.ToString("D");
}

/// <summary>The annex just added, and the request's version after it: its new ETag, for the next write.</summary>
public sealed record UploadedAttachment(AttachmentDto Attachment, int RequestVersion);

// Its own properties are ordered around the file's (the serializer writes a base record's properties after the derived one's).
public sealed record AttachmentDto : AnnexFile
{
    [JsonPropertyOrder(-1)]
    public Guid Id { get; init; }

    /// <summary>The annex's number in its request: 1, 2, 3... in upload order.</summary>
    [JsonPropertyOrder(-1)]
    public int Number { get; init; }

    /// <summary>What the annex is, when given at upload: <c>translation</c>, <c>photograph</c>, <c>fingerprints</c>,
    /// <c>legal-provisions</c>, <c>warrant</c>, <c>judgment</c> or <c>other</c>.</summary>
    [JsonPropertyOrder(1)]
    public string? AnnexType { get; init; }

    /// <summary>How the request document lists it: "Annexe 1 : Traduction en anglais de la demande" in the
    /// transmission's language (the description given at upload, else the type, else the file name).</summary>
    [JsonPropertyOrder(1)]
    public string? Title { get; init; }

    [JsonPropertyOrder(1)]
    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>The annex as the request document lists it.</summary>
    internal DocumentAnnex InDocument => new(FileName, Description, IsTranslation, Number, AnnexType);

    /// <summary>The annex with its <see cref="Title"/> in the language of <paramref name="request"/> (French when Mla cannot write it).</summary>
    public AttachmentDto TitledFor(RequestContent request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = request.Language is { } chosen && RequestDocuments.Languages.Contains(chosen) ? chosen : "fr";
        return this with { Title = AnnexTitles.Title(InDocument, language) };
    }
}

/// <summary>
/// What an <c>add-annex</c> event tells of the annex (its <c>annex</c> details on the timeline). The event's
/// chain seals this text: its fields, their names and their order are a stored format, so one may be added
/// at the end, never renamed, moved or dropped (<c>UploadAttachmentTests</c> pins them).
/// </summary>
public sealed record AnnexAdded(
    Guid Id, int Number, string FileName, string? Description, string ContentType, long SizeBytes, string Sha256, bool IsTranslation, string? AnnexType)
{
    public static AnnexAdded Of(AttachmentDto annex)
    {
        ArgumentNullException.ThrowIfNull(annex);
        return new(annex.Id, annex.Number, annex.FileName, annex.Description, annex.ContentType, annex.SizeBytes, annex.Sha256, annex.IsTranslation, annex.AnnexType);
    }
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
        RuleFor(command => command.AnnexType).MustBeOneOf(KebabCode.AllCodes<AnnexType>()).When(command => command.AnnexType is not null);
    }
}

public sealed class UploadAttachmentHandler(
    RequestSteps steps,
    IDbSession session,
    ICurrentUser currentUser,
    DocumentOptions options,
    TimeProvider time) : ICommandHandler<UploadAttachmentCommand, UploadedAttachment>
{
    private const string InsertSql = """
        INSERT INTO request_attachments (id, request_id, annex_number, file_name, content_type, size_bytes, sha256, content,
                                         description, is_translation, annex_type, uploaded_by, uploaded_at)
        VALUES (@Id, @RequestId, @Number, @FileName, @ContentType, @SizeBytes, @Sha256, @Content,
                @Description, @IsTranslation, @AnnexType, @UploadedBy, @UploadedAt)
        """;

    private const string HeldSql = $"""
        SELECT CAST(COUNT(*) AS bigint) AS {nameof(HeldAnnexes.Count)},
               CAST(COALESCE(SUM(size_bytes), 0) AS bigint) AS {nameof(HeldAnnexes.Bytes)},
               CAST(COALESCE(MAX(annex_number), 0) AS bigint) AS {nameof(HeldAnnexes.LastNumber)}
        FROM request_attachments
        WHERE request_id = @id
        """;

    public async ValueTask<UploadedAttachment> Handle(UploadAttachmentCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command.RequestId, command.ExpectedVersion, RequestAction.AddAnnex, cancellationToken);
        var request = step.Request!;

        var size = command.Content.LongLength;
        if (size > options.MaxAttachmentBytes)
        {
            throw new PayloadTooLargeException(
                $"An annex may be at most {Megabytes(options.MaxAttachmentBytes)}.",
                new Dictionary<string, object?> { ["maxBytes"] = options.MaxAttachmentBytes });
        }

        var contentType = AttachmentContent.Detect(command.Content)
            ?? throw new UnsupportedMediaTypeException("An annex must be a PDF, JPEG, PNG or DOCX file; this file's content is none of them.");

        // Read before the claim, yet exact: every annex is added through a claim of the request's version,
        // so if another annex came in since this step began, the claim below fails (412) and nothing is added.
        var held = await session.QuerySingleOrDefaultAsync<HeldAnnexes>(HeldSql, new { id = request.Id }, cancellationToken)
            ?? new HeldAnnexes();
        if (held.Count >= options.MaxAttachmentsPerRequest)
        {
            throw new UnprocessableException(
                $"This request already holds {held.Count} annexes, the most a request may hold.",
                new Dictionary<string, object?> { ["maxAttachments"] = options.MaxAttachmentsPerRequest });
        }

        if (held.Bytes + size > options.MaxAttachmentBytesPerRequest)
        {
            throw new PayloadTooLargeException(
                $"The annexes of a request may hold at most {Megabytes(options.MaxAttachmentBytesPerRequest)} together; "
                + $"this request's hold {Megabytes(held.Bytes)} and this file is {Megabytes(size)}.",
                new Dictionary<string, object?> { ["maxBytes"] = options.MaxAttachmentBytesPerRequest, ["bytesHeld"] = held.Bytes });
        }

        await steps.ClaimAsync(step, RequestProgress.None, cancellationToken);
        var attachment = new AttachmentDto
        {
            Id = Guid.CreateVersion7(),
            Number = checked((int)held.LastNumber + 1),
            FileName = command.FileName,
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = command.ContentSha256,
            Description = command.Description,
            // A translation annex is what lets a request go out in a language the requested State does not accept.
            IsTranslation = command.IsTranslation || command.AnnexType == Mla.Domain.Requests.AnnexType.Translation.ToCode(),
            AnnexType = command.AnnexType,
            UploadedAt = time.GetUtcNow(),
        }.TitledFor(request.Content);
        await session.ExecuteAsync(InsertSql, new
        {
            attachment.Id,
            RequestId = request.Id,
            attachment.Number,
            attachment.FileName,
            attachment.ContentType,
            attachment.SizeBytes,
            attachment.Sha256,
            command.Content,
            attachment.Description,
            attachment.IsTranslation,
            attachment.AnnexType,
            UploadedBy = currentUser.Id,
            attachment.UploadedAt,
        }, cancellationToken);
        await steps.RecordAsync(step, new { annex = AnnexAdded.Of(attachment) }, cancellationToken);
        return new UploadedAttachment(attachment, step.VersionAfter);
    }

    private static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    private sealed record HeldAnnexes
    {
        public long Count { get; init; }

        public long Bytes { get; init; }

        public long LastNumber { get; init; }
    }
}
