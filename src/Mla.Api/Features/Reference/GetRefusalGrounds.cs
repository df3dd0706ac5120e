namespace Mla.Api.Features.Reference;

public sealed record GetRefusalGroundsQuery : IQuery<IReadOnlyList<RefusalGroundDto>>;

// The code and names are written after AppliesTo (the serializer writes a base record's properties last).
public sealed record RefusalGroundDto : CodeName
{
    /// <summary><c>mla</c> or <c>extradition</c>: the two lists of coded grounds differ.</summary>
    public required string AppliesTo { get; init; }
}

public sealed class GetRefusalGroundsHandler(IDbSession session) : IQueryHandler<GetRefusalGroundsQuery, IReadOnlyList<RefusalGroundDto>>
{
    private const string Sql = $"""
        SELECT applies_to AS {nameof(RefusalGroundDto.AppliesTo)}, code AS {nameof(RefusalGroundDto.Code)},
               name_en AS {nameof(RefusalGroundDto.Name)}, name_fr AS {nameof(RefusalGroundDto.NameFr)}
        FROM refusal_grounds
        ORDER BY applies_to, code
        """;

    public async ValueTask<IReadOnlyList<RefusalGroundDto>> Handle(GetRefusalGroundsQuery query, CancellationToken cancellationToken) =>
        await session.QueryAsync<RefusalGroundDto>(Sql, null, cancellationToken);
}
