namespace Mla.Api.Features.Reference;

/// <summary>The fixed code lists of DOMAIN.md that share one shape: code and names.</summary>
public enum CodeList
{
    OffenceCategories,
    AssistanceTypes,
    PersonRoles,
}

public sealed record GetCodeListQuery(CodeList List) : IQuery<IReadOnlyList<CodeNameDto>>;

/// <summary>An entry of a code table: its code, and its names in English and in French.</summary>
public abstract record CodeName
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }
}

public sealed record CodeNameDto : CodeName;

public sealed class GetCodeListHandler(IDbSession session) : IQueryHandler<GetCodeListQuery, IReadOnlyList<CodeNameDto>>
{
    private const string OffenceCategoriesSql = $"""
        SELECT code AS {nameof(CodeNameDto.Code)}, name_en AS {nameof(CodeNameDto.Name)}, name_fr AS {nameof(CodeNameDto.NameFr)}
        FROM offence_categories
        ORDER BY code
        """;

    private const string AssistanceTypesSql = $"""
        SELECT code AS {nameof(CodeNameDto.Code)}, name_en AS {nameof(CodeNameDto.Name)}, name_fr AS {nameof(CodeNameDto.NameFr)}
        FROM assistance_types
        ORDER BY code
        """;

    private const string PersonRolesSql = $"""
        SELECT code AS {nameof(CodeNameDto.Code)}, name_en AS {nameof(CodeNameDto.Name)}, name_fr AS {nameof(CodeNameDto.NameFr)}
        FROM person_roles
        ORDER BY code
        """;

    public async ValueTask<IReadOnlyList<CodeNameDto>> Handle(GetCodeListQuery query, CancellationToken cancellationToken)
    {
        var sql = query.List switch
        {
            CodeList.OffenceCategories => OffenceCategoriesSql,
            CodeList.AssistanceTypes => AssistanceTypesSql,
            CodeList.PersonRoles => PersonRolesSql,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.List, "Unknown code list."),
        };
        return await session.QueryAsync<CodeNameDto>(sql, null, cancellationToken);
    }
}
