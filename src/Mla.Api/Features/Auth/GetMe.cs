using System.Diagnostics.CodeAnalysis;
using Mla.Domain.Access;

namespace Mla.Api.Features.Auth;

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record MeDto : UserIdentity
{
    public MeDto()
    {
    }

    [SetsRequiredMembers]
    internal MeDto(UserIdentity identity, string language, NoticePreferences notifications)
        : base(identity)
    {
        Language = language;
        Notifications = notifications;
    }

    public Guid Id { get; init; }

    /// <summary>What the role may do, so a client knows which parts of the interface to show.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The user's language (<c>fr</c>, <c>en</c> or <c>pt</c>): of the interface and of the e-mail notices.</summary>
    public required string Language { get; init; }

    /// <summary>How the user is told when a request of their State moves.</summary>
    public required NoticePreferences Notifications { get; init; }

    /// <summary>Events on the user's requests since they last marked their updates read (<c>GET /api/me/updates</c>).</summary>
    public long UnreadUpdates { get; init; }
}

/// <param name="Email">Whether the user gets an e-mail when a request reaches their State or changes status.</param>
/// <param name="EmailAddress">Where notices go: the account's address.</param>
public sealed record NoticePreferences(bool Email, string? EmailAddress);

/// <summary>The languages a user may choose, for the interface and the notices.</summary>
public static class UserLanguages
{
    public static IReadOnlyList<string> All { get; } = ["fr", "en", "pt"];
}

/// <summary>
/// How many of the caller's updates are unread: declared here, answered by <c>Features/Notifications</c>
/// (which keeps the updates), so that Auth does not reach into another feature's handlers.
/// </summary>
public interface IUnreadUpdates
{
    Task<long> CountAsync(string state, DateTimeOffset since, CancellationToken cancellationToken);
}

public sealed class GetMeHandler(MeReader reader) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken) => await reader.ReadAsync(cancellationToken);
}

/// <summary>The signed-in user as <see cref="MeDto"/>: answered by <c>GET /api/me</c> and by every change of the user's preferences.</summary>
public sealed class MeReader(IDbSession session, ICurrentUser currentUser, IUnreadUpdates unread)
{
    private const string MeSql = $"""
        SELECT id AS {nameof(MeRow.Id)}, username AS {nameof(MeRow.Username)}, display_name AS {nameof(MeRow.DisplayName)},
               role AS {nameof(MeRow.Role)}, state_iso3 AS {nameof(MeRow.State)}, network_code AS {nameof(MeRow.Network)},
               language_code AS {nameof(MeRow.Language)}, email_notices AS {nameof(MeRow.EmailNotices)}, email AS {nameof(MeRow.Email)},
               updates_read_at AS {nameof(MeRow.UpdatesReadAt)}, created_at AS {nameof(MeRow.CreatedAt)}
        FROM users
        WHERE id = @id
        """;

    public async Task<MeDto> ReadAsync(CancellationToken cancellationToken)
    {
        var me = await LoadAsync(cancellationToken);
        // Secretariat and admin see no request, so nothing of a request is ever unread for them.
        var unreadUpdates = me.State is { } state && currentUser.Role is not (Role.Secretariat or Role.Admin)
            ? await unread.CountAsync(state, me.UnreadSince, cancellationToken)
            : 0;
        return new MeDto(me, me.Language, new NoticePreferences(me.EmailNotices, me.Email))
        {
            Id = me.Id,
            Permissions = RolePermissions.For(currentUser.Role),
            UnreadUpdates = unreadUpdates,
        };
    }

    /// <summary>When the user's unread updates begin: when they last marked them read, or when their account was created.</summary>
    public async Task<DateTimeOffset> UnreadSinceAsync(CancellationToken cancellationToken)
    {
        var me = await LoadAsync(cancellationToken);
        return me.UnreadSince;
    }

    private async Task<MeRow> LoadAsync(CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<MeRow>(MeSql, new { id = currentUser.Id }, cancellationToken)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private sealed record MeRow : UserIdentity
    {
        public Guid Id { get; init; }

        public required string Language { get; init; }

        public bool EmailNotices { get; init; }

        public string? Email { get; init; }

        public DateTimeOffset? UpdatesReadAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UnreadSince => UpdatesReadAt ?? CreatedAt;
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
