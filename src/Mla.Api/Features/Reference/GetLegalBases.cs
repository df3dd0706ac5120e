using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Mla.Api.Features.Reference;

public sealed record GetLegalBasesQuery : IQuery<IReadOnlyList<LegalBasisDto>>;

/// <summary>
/// What an administrator states of a legal basis when adding it: its code, its names, its category and the
/// requests it may ground. The basis as listed adds whether it is still offered.
/// </summary>
public abstract record LegalBasisDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string NameFr { get; init; }

    /// <summary><c>multilateral</c>, <c>bilateral</c> or <c>reciprocity</c>.</summary>
    public required string Category { get; init; }

    public bool AppliesToMla { get; init; }

    public bool AppliesToExtradition { get; init; }
}

public sealed record LegalBasisDto : LegalBasisDefinition
{
    public LegalBasisDto()
    {
    }

    [SetsRequiredMembers]
    internal LegalBasisDto(LegalBasisDefinition definition)
        : base(definition)
    {
    }

    // Last, as before the definition was shared (the serializer writes a base record's properties after the
    // derived one's): an added basis is written whole into the admin audit, whose entries keep one shape.
    [JsonPropertyOrder(1)]
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
