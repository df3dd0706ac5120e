using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Mla.Api.Features.Reference;

namespace Mla.Api.Features.Directory;

/// <summary>
/// The contact list a network's members otherwise keep on paper: each State's central authority and the
/// focal points. Requests belong to States, not persons, so a successor finds the same list.
/// </summary>
public sealed record GetDirectoryQuery : IQuery<DirectoryDto>;

public sealed record DirectoryDto(IReadOnlyList<CentralAuthorityDto> CentralAuthorities, IReadOnlyList<ContactPointDto> ContactPoints);

/// <summary>
/// What an administrator states of a central authority (<see cref="Admin.UpdateCentralAuthorityCommand"/>) and the
/// directory shows of it.
/// </summary>
public abstract record CentralAuthorityContact
{
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
}

/// <summary>
/// A central authority as the directory holds it: its answer and its stored row share these. The State comes first
/// (the serializer writes a base record's properties after the derived one's).
/// </summary>
public abstract record CentralAuthorityDetails : CentralAuthorityContact
{
    public required string State { get; init; }
}

public sealed record CentralAuthorityDto : CentralAuthorityDetails
{
    public CentralAuthorityDto()
    {
    }

    [SetsRequiredMembers]
    internal CentralAuthorityDto(CentralAuthorityDetails details)
        : base(details)
    {
    }

    // After the details, as before they were shared (the serializer writes a base record's properties after
    // the derived one's): the admin audit keeps one shape of entry.
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Letterhead { get; init; } = [];

    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Languages { get; init; } = [];

    [JsonPropertyOrder(1)]
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

/// <summary>
/// A row of <c>authorities</c> for a central authority, as the directory, its administration and the request
/// documents read it; letterhead lines are stored newline-separated.
/// </summary>
public sealed record CentralAuthorityRow : CentralAuthorityDetails
{
    /// <summary>Every central authority; a statement adds its own condition or order.</summary>
    public const string SelectSql = $"""
        SELECT state_iso3 AS {nameof(State)}, name AS {nameof(Name)}, name_fr AS {nameof(NameFr)}, name_en AS {nameof(NameEn)},
               name_pt AS {nameof(NamePt)}, city AS {nameof(City)}, address AS {nameof(Address)}, phone AS {nameof(Phone)},
               email AS {nameof(Email)}, letterhead AS {nameof(LetterheadText)}
        FROM authorities
        WHERE kind = 'central-authority'
        """;

    /// <summary>The central authority of the State <c>@state</c>.</summary>
    public const string FindSql = SelectSql + "\n  AND state_iso3 = @state";

    public string? LetterheadText { get; init; }

    public IReadOnlyList<string> LetterheadLines => string.IsNullOrEmpty(LetterheadText) ? [] : LetterheadText.Split('\n');

    /// <summary>The official name in <paramref name="language"/>, else the name as the directory holds it.</summary>
    public string NameIn(string language) => language switch
    {
        "fr" => NameFr,
        "en" => NameEn,
        "pt" => NamePt,
        _ => null,
    } ?? Name;

    public CentralAuthorityDto ToDto() => new(this) { Letterhead = LetterheadLines };
}

public sealed class GetDirectoryHandler(IDbSession session) : IQueryHandler<GetDirectoryQuery, DirectoryDto>
{
    private const string CentralAuthoritiesSql = CentralAuthorityRow.SelectSql + "\nORDER BY state_iso3";

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
