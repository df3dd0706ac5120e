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
    private const string Sql = """
        SELECT code AS Code, name_en AS Name, name_fr AS NameFr, category AS Category,
               applies_to_mla AS AppliesToMla, applies_to_extradition AS AppliesToExtradition, is_active AS IsActive
        FROM legal_bases
        ORDER BY category, code
        """;

    public async ValueTask<IReadOnlyList<LegalBasisDto>> Handle(GetLegalBasesQuery query, CancellationToken cancellationToken) =>
        await session.QueryAsync<LegalBasisDto>(Sql, null, cancellationToken);
}
