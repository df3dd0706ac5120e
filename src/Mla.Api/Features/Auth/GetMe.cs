using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Access;

namespace Mla.Api.Features.Auth;

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record MeDto
{
    public Guid Id { get; init; }

    public required string Username { get; init; }

    public required string DisplayName { get; init; }

    public required string Role { get; init; }

    public string? State { get; init; }

    public string? Network { get; init; }

    /// <summary>What the role may do, so a client knows which parts of the interface to show.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];
}

public sealed class GetMeHandler(IDbSession session, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, MeDto>
{
    private const string MeSql = $"""
        SELECT id AS {nameof(MeDto.Id)}, username AS {nameof(MeDto.Username)}, display_name AS {nameof(MeDto.DisplayName)},
               role AS {nameof(MeDto.Role)}, state_iso3 AS {nameof(MeDto.State)}, network_code AS {nameof(MeDto.Network)}
        FROM users
        WHERE id = @id
        """;

    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var me = await session.QuerySingleOrDefaultAsync<MeDto>(MeSql, new { id = currentUser.Id }, cancellationToken)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        return me with { Permissions = RolePermissions.For(currentUser.Role) };
    }
}

/// <summary>What each role may do, in words a client can key its interface on (DOMAIN.md, "Who uses it").</summary>
public static class RolePermissions
{
    public static IReadOnlyList<string> For(Role role) => role switch
    {
        Role.CentralAuthority =>
        [
            "view-state-requests", "draft-requests", "edit-drafts", "transmit-requests", "withdraw-requests",
            "register-incoming-requests", "acknowledge-receipt", "start-execution", "ask-information",
            "provide-information", "postpone-execution", "record-execution", "refuse-requests", "add-notes",
            "view-directory",
        ],
        Role.FocalPoint =>
        [
            "view-state-requests", "acknowledge-receipt", "start-execution", "record-execution-progress",
            "add-notes", "view-directory",
        ],
        Role.Prosecutor => ["view-state-requests", "add-notes", "view-directory"],
        Role.Secretariat => ["view-network-statistics", "export-network-statistics", "view-directory"],
        Role.Admin => ["manage-users", "manage-reference-data", "view-directory"],
        _ => [],
    };
}
