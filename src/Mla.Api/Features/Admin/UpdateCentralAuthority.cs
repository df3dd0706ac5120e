using FluentValidation;
using Mediator;
using Mla.Api.Features.Directory;
using Mla.Api.Infrastructure.Audit;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Api.Infrastructure.Validation;

namespace Mla.Api.Features.Admin;

/// <summary>Changes a State's central authority: name, address, contact and letterhead lines of its documents.</summary>
public sealed record UpdateCentralAuthorityCommand : ICommand<CentralAuthorityDto>
{
    public string State { get; init; } = "";

    public required string Name { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string> Letterhead { get; init; } = [];
}

public sealed class UpdateCentralAuthorityValidator : AbstractValidator<UpdateCentralAuthorityCommand>
{
    public UpdateCentralAuthorityValidator()
    {
        // A rule stops at its first failure: a null list or line is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Name).NotEmpty().MaximumLength(300).MustBeSingleLineText();
        RuleFor(command => command.Address).MaximumLength(500);
        RuleFor(command => command.Phone).MaximumLength(100).MustBeSingleLineText();
        RuleFor(command => command.Email).MaximumLength(200).MustBeSingleLineText().EmailAddress().When(command => !string.IsNullOrEmpty(command.Email));
        RuleFor(command => command.Letterhead).NotNull().Must(lines => lines.Count <= 6).WithMessage("At most 6 letterhead lines.");
        RuleForEach(command => command.Letterhead).NotEmpty().MaximumLength(150).MustBeSingleLineText();
    }
}

public sealed class UpdateCentralAuthorityHandler(IDbSession session, AuditTrail audit)
    : ICommandHandler<UpdateCentralAuthorityCommand, CentralAuthorityDto>
{
    private const string FindSql = $"""
        SELECT state_iso3 AS {nameof(CentralAuthorityRow.State)}, name AS {nameof(CentralAuthorityRow.Name)},
               address AS {nameof(CentralAuthorityRow.Address)}, phone AS {nameof(CentralAuthorityRow.Phone)},
               email AS {nameof(CentralAuthorityRow.Email)}, letterhead AS {nameof(CentralAuthorityRow.LetterheadText)}
        FROM authorities
        WHERE state_iso3 = @state AND kind = 'central-authority'
        """;

    private const string UpdateSql = """
        UPDATE authorities SET name = @Name, address = @Address, phone = @Phone, email = @Email, letterhead = @letterhead
        WHERE state_iso3 = @state AND kind = 'central-authority'
        """;

    public async ValueTask<CentralAuthorityDto> Handle(UpdateCentralAuthorityCommand command, CancellationToken cancellationToken)
    {
        var state = command.State.ToUpperInvariant();
        var before = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(FindSql, new { state }, cancellationToken)
            ?? throw new NotFoundException($"No central authority for {state}.");
        await session.ExecuteAsync(UpdateSql, new
        {
            command.Name,
            command.Address,
            command.Phone,
            command.Email,
            letterhead = string.Join('\n', command.Letterhead),
            state,
        }, cancellationToken);
        var after = await session.QuerySingleOrDefaultAsync<CentralAuthorityRow>(FindSql, new { state }, cancellationToken);
        await audit.RecordAsync("update-central-authority", "authority", state, new { before = before.ToDto(), after = after!.ToDto() }, cancellationToken);
        return after.ToDto();
    }
}
