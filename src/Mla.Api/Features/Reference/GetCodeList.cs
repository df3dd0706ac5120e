using Mediator;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Features.Reference;

/// <summary>The fixed code lists of DOMAIN.md that share one shape: code and names.</summary>
public enum CodeList
{
    OffenceCategories,
    AssistanceTypes,
    PersonRoles,
}

public sealed record GetCodeListQuery(CodeList List) : IQuery<IReadOnlyList<CodeNameDto>>;

public sealed record CodeNameDto
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }
}

public sealed class GetCodeListHandler(IDbSession session) : IQueryHandler<GetCodeListQuery, IReadOnlyList<CodeNameDto>>
{
    public async ValueTask<IReadOnlyList<CodeNameDto>> Handle(GetCodeListQuery query, CancellationToken cancellationToken)
    {
        // The table name comes from this closed switch, never from input.
        var table = query.List switch
        {
            CodeList.OffenceCategories => "offence_categories",
            CodeList.AssistanceTypes => "assistance_types",
            CodeList.PersonRoles => "person_roles",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.List, "Unknown code list."),
        };
        return await session.QueryAsync<CodeNameDto>(
            $"SELECT code AS Code, name_en AS Name, name_fr AS NameFr FROM {table} ORDER BY code", null, cancellationToken);
    }
}
