using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>Adds a legal basis, e.g. a bilateral treaty signed after the release.</summary>
public sealed record AddLegalBasisCommand : LegalBasisDefinition, ICommand<LegalBasisDto>;

public sealed class AddLegalBasisValidator : AbstractValidator<AddLegalBasisCommand>
{
    public static readonly IReadOnlyList<string> Categories = ["multilateral", "bilateral", "reciprocity"];

    public AddLegalBasisValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Code).NotEmpty().MaximumLength(60).Matches(@"\A[a-z0-9]+(-[a-z0-9]+)*\z")
            .WithMessage("Use a kebab-case code, e.g. mli-sen-extradition-1965.");
        RuleFor(command => command.Name).NotEmpty().MaximumLength(300).MustBeSingleLineText();
        RuleFor(command => command.NameFr).NotEmpty().MaximumLength(300).MustBeSingleLineText();
        RuleFor(command => command.Category).MustBeOneOf(Categories);
        RuleFor(command => command).Must(command => command.AppliesToMla || command.AppliesToExtradition)
            .WithName("appliesToMla").WithMessage("A legal basis applies to MLA, to extradition, or to both.");
    }
}

public sealed class AddLegalBasisHandler(IDbSession session, AuditTrail audit) : ICommandHandler<AddLegalBasisCommand, LegalBasisDto>
{
    private const string ExistsSql = "SELECT COUNT(*) FROM legal_bases WHERE code = @Code";

    private const string InsertSql = """
        INSERT INTO legal_bases (code, name_en, name_fr, category, applies_to_mla, applies_to_extradition, is_active)
        VALUES (@Code, @Name, @NameFr, @Category, @AppliesToMla, @AppliesToExtradition, @IsActive)
        """;

    public async ValueTask<LegalBasisDto> Handle(AddLegalBasisCommand command, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(ExistsSql, command, cancellationToken) > 0)
        {
            throw new ConflictException($"A legal basis with code {command.Code} already exists.");
        }

        var basis = new LegalBasisDto(command) { IsActive = true };
        await session.ExecuteAsync(InsertSql, basis, cancellationToken);
        await audit.RecordAsync("add-legal-basis", "legal-basis", basis.Code, basis, cancellationToken);
        return basis;
    }
}
