using Mla.Api.Features.Auth;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// Marks the caller's updates read up to a moment (by default now). A client that shows a page marks
/// read up to the newest event it showed, so events recorded meanwhile stay unread. The mark never moves
/// back: marking read up to an earlier moment leaves it where it was.
/// </summary>
/// <param name="Until">Events recorded up to this instant (inclusive) are read; not in the future.</param>
public sealed record MarkUpdatesReadCommand(DateTimeOffset? Until = null) : ICommand<UpdatesReadDto>;

/// <param name="ReadUntil">Updates recorded up to this instant are read.</param>
/// <param name="UnreadUpdates">Those recorded after it, still unread.</param>
public sealed record UpdatesReadDto(DateTimeOffset ReadUntil, long UnreadUpdates);

public sealed class MarkUpdatesReadHandler(IDbSession session, RequestAccess access, ICurrentUser currentUser, MeReader me, IUnreadUpdates unread, TimeProvider time)
    : ICommandHandler<MarkUpdatesReadCommand, UpdatesReadDto>
{
    private const string MarkSql = """
        UPDATE users SET updates_read_at = @until
        WHERE id = @id AND (updates_read_at IS NULL OR updates_read_at < @until)
        """;

    public async ValueTask<UpdatesReadDto> Handle(MarkUpdatesReadCommand command, CancellationToken cancellationToken)
    {
        var (state, _) = access.ListScope();
        var now = time.GetUtcNow();
        var until = command.Until ?? now;
        if (until > now)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["until"] = ["Must not be in the future."] });
        }

        await session.ExecuteAsync(MarkSql, new { id = currentUser.Id, until }, cancellationToken);
        var readUntil = await me.UnreadSinceAsync(cancellationToken);
        return new UpdatesReadDto(readUntil, await unread.CountAsync(state, readUntil, cancellationToken));
    }
}
