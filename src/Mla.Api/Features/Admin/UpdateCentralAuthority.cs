using System.Text.Json.Serialization;
using Mla.Api.Features.Directory;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>
/// Changes a State's central authority: name, official names per language, city, address, contact and letterhead
/// lines of its documents. The names per language and the city are optional: left out (or null), they stay as they
/// are, so a client that does not know them changes nothing; an empty string clears one (letters then print
/// <c>name</c>, and the State's name on the place line).
/// </summary>
public sealed record UpdateCentralAuthorityCommand : CentralAuthorityContact, ICommand<CentralAuthorityDto>
{
    public string State { get; init; } = "";

    // After the contact, as the body has always listed it (the serializer writes a base record's properties after
    // the derived one's).
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Letterhead { get; init; } = [];
}

public sealed class UpdateCentralAuthorityValidator : AbstractValidator<UpdateCentralAuthorityCommand>
{
    public UpdateCentralAuthorityValidator()
    {
        // A rule stops at its first failure: a null list or line is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Name).NotEmpty().MaximumLength(300).MustBeSingleLineText();
        RuleFor(command => command.NameFr).MaximumLength(300).MustBeSingleLineText().Must(NotBeBlank).WithMessage(BlankMessage);
        RuleFor(command => command.NameEn).MaximumLength(300).MustBeSingleLineText().Must(NotBeBlank).WithMessage(BlankMessage);
        RuleFor(command => command.NamePt).MaximumLength(300).MustBeSingleLineText().Must(NotBeBlank).WithMessage(BlankMessage);
        RuleFor(command => command.City).MaximumLength(100).MustBeSingleLineText().Must(NotBeBlank).WithMessage(BlankMessage);
        RuleFor(command => command.Address).MaximumLength(500);
        RuleFor(command => command.Phone).MaximumLength(100).MustBeSingleLineText();
        RuleFor(command => command.Email).MaximumLength(200).MustBeSingleLineText().EmailAddress().When(command => !string.IsNullOrEmpty(command.Email));
        RuleFor(command => command.Letterhead).NotNull().Must(lines => lines.Count <= 6).WithMessage("At most 6 letterhead lines.");
        RuleForEach(command => command.Letterhead).NotEmpty().MaximumLength(150).MustBeSingleLineText();
    }

    private const string BlankMessage = "Must not be blank: leave it out to keep it, or send an empty string to clear it.";

    // Spaces alone would print an empty addressee or place line: "" is how a value is cleared.
    private static bool NotBeBlank(string? value) => string.IsNullOrEmpty(value) || !string.IsNullOrWhiteSpace(value);
}

public sealed class UpdateCentralAuthorityHandler(IDbSession session, AuditTrail audit)
    : ICommandHandler<UpdateCentralAuthorityCommand, CentralAuthorityDto>
{
    private const string UpdateSql = """
        UPDATE authorities SET name = @Name, name_fr = @nameFr, name_en = @nameEn, name_pt = @namePt, city = @city,
               address = @Address, phone = @Phone, email = @Email, letterhead = @letterhead
        WHERE state_iso3 = @state AND kind = 'central-authority'
        """;

    public async ValueTask<CentralAuthorityDto> Handle(UpdateCentralAuthorityCommand command, CancellationToken cancellationToken)
    {
        var state = command.State.ToUpperInvariant();
        var before = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(CentralAuthorityRow.FindSql, new { state }, cancellationToken)
            ?? throw new NotFoundException($"No central authority for {state}.");
        await session.ExecuteAsync(UpdateSql, new
        {
            command.Name,
            nameFr = Kept(command.NameFr, before.NameFr),
            nameEn = Kept(command.NameEn, before.NameEn),
            namePt = Kept(command.NamePt, before.NamePt),
            city = Kept(command.City, before.City),
            command.Address,
            command.Phone,
            command.Email,
            letterhead = string.Join('\n', command.Letterhead),
            state,
        }, cancellationToken);
        var after = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(CentralAuthorityRow.FindSql, new { state }, cancellationToken);
        await audit.RecordAsync("update-central-authority", "authority", state, new { before = before.ToDto(), after = after!.ToDto() }, cancellationToken);
        return after.ToDto();
    }

    /// <summary>Left out: the stored value stays; an empty string: cleared.</summary>
    private static string? Kept(string? given, string? stored) => given is null ? stored : given.Length == 0 ? null : given;
}
