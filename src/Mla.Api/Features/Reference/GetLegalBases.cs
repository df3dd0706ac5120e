using Mediator;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Features.Reference;

public sealed record GetLegalBasesQuery : IQuery<IReadOnlyList<LegalBasisDto>>;

public sealed record LegalBasisDto
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }

    /// <summary><c>multilateral</c>, <c>bilateral</c> or <c>reciprocity</c>.</summary>
    public required string Category { get; init; }

    public bool AppliesToMla { get; init; }

    public bool AppliesToExtradition { get; init; }

    public bool IsActive { get; init; }
}

public sealed class GetLegalBasesHandler(IDbSession session) : IQueryHandler<GetLegalBasesQuery, IReadOnlyList<LegalBasisDto>>
{
    private const string Sql = $"""
        SELECT code AS {nameof(LegalBasisDto.Code)}, name_en AS {nameof(LegalBasisDto.Name)},
               name_fr AS {nameof(LegalBasisDto.NameFr)}, category AS {nameof(LegalBasisDto.Category)},
               applies_to_mla AS {nameof(LegalBasisDto.AppliesToMla)},
               applies_to_extradition AS {nameof(LegalBasisDto.AppliesToExtradition)},
               is_active AS {nameof(LegalBasisDto.IsActive)}
        FROM legal_bases
        ORDER BY category, code
        """;

    public async ValueTask<IReadOnlyList<LegalBasisDto>> Handle(GetLegalBasesQuery query, CancellationToken cancellationToken) =>
        await session.QueryAsync<LegalBasisDto>(Sql, null, cancellationToken);
}
