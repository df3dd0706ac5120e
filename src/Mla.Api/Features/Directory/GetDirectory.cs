using Mla.Api.Features.Reference;

namespace Mla.Api.Features.Directory;

/// <summary>
/// The contact list a network's members otherwise keep on paper: each State's central authority and the
/// focal points. Requests belong to States, not persons, so a successor finds the same list.
/// </summary>
public sealed record GetDirectoryQuery : IQuery<DirectoryDto>;

public sealed record DirectoryDto(IReadOnlyList<CentralAuthorityDto> CentralAuthorities, IReadOnlyList<ContactPointDto> ContactPoints);

public sealed record CentralAuthorityDto
{
    public required string State { get; init; }

    public required string Name { get; init; }

    /// <summary>The official name in French, as a letter in French prints it (<c>name</c> when none).</summary>
    public string? NameFr { get; init; }

    /// <summary>The official name in English, as a letter in English prints it (<c>name</c> when none).</summary>
    public string? NameEn { get; init; }

    /// <summary>The official name in Portuguese, as a letter in Portuguese prints it (<c>name</c> when none).</summary>
    public string? NamePt { get; init; }

    /// <summary>Where the authority sits: the place line of the letters it sends ("Bamako, le ...").</summary>
    public string? City { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string> Letterhead { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Networks { get; init; } = [];
}

public sealed record ContactPointDto
{
    public required string Name { get; init; }

    public string? Function { get; init; }

    public required string Role { get; init; }

    public required string State { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Networks { get; init; } = [];
}

/// <summary>A row of <c>authorities</c> for a central authority; letterhead lines are stored newline-separated.</summary>
public sealed record CentralAuthorityRow
{
    public required string State { get; init; }

    public required string Name { get; init; }

    public string? NameFr { get; init; }

    public string? NameEn { get; init; }

    public string? NamePt { get; init; }

    public string? City { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? LetterheadText { get; init; }

    public CentralAuthorityDto ToDto() => new()
    {
        State = State,
        Name = Name,
        NameFr = NameFr,
        NameEn = NameEn,
        NamePt = NamePt,
        City = City,
        Address = Address,
        Phone = Phone,
        Email = Email,
        Letterhead = string.IsNullOrEmpty(LetterheadText) ? [] : LetterheadText.Split('\n'),
    };
}

public sealed class GetDirectoryHandler(IDbSession session) : IQueryHandler<GetDirectoryQuery, DirectoryDto>
{
    private const string CentralAuthoritiesSql = $"""
        SELECT state_iso3 AS {nameof(CentralAuthorityRow.State)}, name AS {nameof(CentralAuthorityRow.Name)},
               name_fr AS {nameof(CentralAuthorityRow.NameFr)}, name_en AS {nameof(CentralAuthorityRow.NameEn)},
               name_pt AS {nameof(CentralAuthorityRow.NamePt)}, city AS {nameof(CentralAuthorityRow.City)},
               address AS {nameof(CentralAuthorityRow.Address)}, phone AS {nameof(CentralAuthorityRow.Phone)},
               email AS {nameof(CentralAuthorityRow.Email)}, letterhead AS {nameof(CentralAuthorityRow.LetterheadText)}
        FROM authorities
        WHERE kind = 'central-authority'
        ORDER BY state_iso3
        """;

    private const string ContactPointsSql = $"""
        SELECT display_name AS {nameof(ContactPointDto.Name)}, function_title AS "{nameof(ContactPointDto.Function)}",
               role AS {nameof(ContactPointDto.Role)}, state_iso3 AS {nameof(ContactPointDto.State)},
               phone AS {nameof(ContactPointDto.Phone)}, email AS {nameof(ContactPointDto.Email)}
        FROM users
        WHERE role = 'focal-point' AND is_disabled = @disabled AND state_iso3 IS NOT NULL
        ORDER BY state_iso3, display_name
        """;

    public async ValueTask<DirectoryDto> Handle(GetDirectoryQuery query, CancellationToken cancellationToken)
    {
        var profiles = await StateProfiles.LoadAsync(session, cancellationToken);
        var authorities = (await session.QueryAsync<CentralAuthorityRow>(CentralAuthoritiesSql, null, cancellationToken))
            .Select(row => row.ToDto() with { Languages = [.. profiles.Languages[row.State]], Networks = [.. profiles.Networks[row.State]] })
            .ToList();
        var contacts = (await session.QueryAsync<ContactPointDto>(ContactPointsSql, new { disabled = false }, cancellationToken))
            .Select(contact => contact with { Languages = [.. profiles.Languages[contact.State]], Networks = [.. profiles.Networks[contact.State]] })
            .ToList();
        return new DirectoryDto(authorities, contacts);
    }
}
